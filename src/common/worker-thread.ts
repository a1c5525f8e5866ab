import { Transferable, Worker } from 'node:worker_threads';

/**
 * The lines a worker's code ends with: it answers each message { id, ... } with
 * { id, answer } from `answer(message)`, or { id, error } when that throws.
 */
export function answeringWorkerSource(setup: string, answer: string): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
${setup}
const answer = ${answer};
parentPort.on('message', (message) => {
  try {
    parentPort.postMessage({ id: message.id, answer: answer(message) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message ? error.message : error) });
  }
});
`;
}

interface Pending {
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Requests to a worker thread running code given as text (run with eval, so that it needs no file
 * of its own: the same under ts-jest as from dist/), written with answeringWorkerSource. The
 * worker starts at the first request and again after it stopped; answers come in the order the
 * requests were sent. A worker that stops fails the requests it had. An idle worker does not
 * keep the process alive.
 */
export class WorkerThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** name: what the worker does, for the error when it stops. */
  constructor(
    private readonly name: string,
    private readonly source: string,
    private readonly workerData?: unknown,
  ) {}

  /** The worker's answer to the message; transfer: buffers handed over rather than copied. */
  request<Answer>(message: Record<string, unknown>, transfer: Transferable[] = []): Promise<Answer> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.source, { eval: true, workerData: this.workerData });
    worker.unref();
    worker.on('message', (message: { id: number; answer?: unknown; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.answer);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`${this.name} stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
