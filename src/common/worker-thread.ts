import { availableParallelism } from 'node:os';
import { Transferable, Worker } from 'node:worker_threads';

/**
 * The lines a worker's code ends with: it answers each message { id, ... } with
 * { id, answer } from `answer(message)`, or { id, error } when that throws. The setup and the
 * answer may call `transferring(answer, buffers)` to hand the buffers over with the answer rather
 * than have them copied.
 */
export function answeringWorkerSource(setup: string, answer: string): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
class Transferring {
  constructor(answer, buffers) {
    this.answer = answer;
    this.buffers = buffers;
  }
}
const transferring = (answer, buffers) => new Transferring(answer, buffers);
${setup}
const answer = ${answer};
parentPort.on('message', (message) => {
  try {
    const answered = answer(message);
    if (answered instanceof Transferring)
      parentPort.postMessage({ id: message.id, answer: answered.answer }, answered.buffers);
    else parentPort.postMessage({ id: message.id, answer: answered });
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
  private running: { worker: Worker; pending: Map<number, Pending> } | null = null;
  private nextId = 1;

  /** name: what the worker does, for the error when it stops. */
  constructor(
    private readonly name: string,
    private readonly source: string,
    private readonly workerData?: unknown,
  ) {}

  /** The worker's answer to the message; transfer: buffers handed over rather than copied. */
  request<Answer>(message: Record<string, unknown>, transfer: Transferable[] = []): Promise<Answer> {
    const { worker, pending } = this.started();
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      try {
        worker.postMessage({ ...message, id }, transfer);
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Requests sent and not yet answered. */
  get waiting(): number {
    return this.running?.pending.size ?? 0;
  }

  /** Whether a worker runs now (started by a request, not yet stopped or closed). */
  get isRunning(): boolean {
    return this.running !== null;
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.worker.terminate();
  }

  /** The worker running now, or a new one; each has its own requests, failed with it alone. */
  private started(): { worker: Worker; pending: Map<number, Pending> } {
    if (this.running) return this.running;
    const worker = new Worker(this.source, { eval: true, workerData: this.workerData });
    const running = { worker, pending: new Map<number, Pending>() };
    worker.unref();
    worker.on('message', (message: { id: number; answer?: unknown; error?: string }) => {
      const pending = running.pending.get(message.id);
      if (!pending) return;
      running.pending.delete(message.id);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.answer);
    });
    const failAll = (error: Error) => {
      if (this.running === running) this.running = null;
      for (const pending of running.pending.values()) pending.reject(error);
      running.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`${this.name} stopped (exit code ${code})`)));
    this.running = running;
    return running;
  }
}

/** Threads of a WorkerThreads unless told otherwise: two, one on a single-core machine. */
export const WORKER_THREADS = Math.min(2, availableParallelism());

/**
 * Worker threads running the same code: each request goes to the thread with the fewest waiting,
 * so requests sent together run side by side. Each thread starts at its first request and
 * answers its own in the order sent; one that stops fails its own requests alone.
 */
export class WorkerThreads {
  private readonly threads: WorkerThread[];

  /** name: what the workers do, for the error when one stops; each is numbered after it. count: at least 1. */
  constructor(name: string, source: string, workerData?: unknown, count = WORKER_THREADS) {
    this.threads = Array.from(
      { length: Math.max(1, Math.floor(count)) },
      (_, index) => new WorkerThread(`${name} ${index + 1}`, source, workerData),
    );
  }

  /** How many threads there are: how many requests run side by side. */
  get size(): number {
    return this.threads.length;
  }

  /** The answer of the thread with the fewest requests waiting (WorkerThread.request). */
  request<Answer>(message: Record<string, unknown>, transfer: Transferable[] = []): Promise<Answer> {
    const idlest = this.threads.reduce((best, thread) => (thread.waiting < best.waiting ? thread : best));
    return idlest.request<Answer>(message, transfer);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
