import { Worker } from 'node:worker_threads';

/**
 * The worker's code, run with eval so that it needs no file of its own (the same under ts-jest as
 * from dist/): a read-only better-sqlite3 connection to the app's database file that answers
 * { id, sql, values, raw } with { id, rows } or { id, error }.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', ({ id, sql, values, raw }) => {
  try {
    const statement = db.prepare(sql);
    parentPort.postMessage({ id, rows: raw ? statement.raw(true).all(...values) : statement.all(...values) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

/**
 * Runs the statistics' read queries on SQLite in a worker thread, off the event loop.
 *
 * better-sqlite3 answers synchronously, so a query over a year of a million cases on the main
 * thread would hold every other request (and /health) until it ends. The worker has its own
 * read-only connection to the same file; the database is in WAL mode, so it reads the last
 * committed state while the app goes on writing. Queries are answered in the order sent.
 */
export class SqliteReadWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly filename: string,
    private readonly driverPath: string,
  ) {}

  /** Rows of a query whose :named parameters are already positional; arrays of values when raw. */
  query(sql: string, values: unknown[], raw: boolean): Promise<unknown[]> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<unknown[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, sql, values, raw });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { filename: this.filename, driverPath: this.driverPath },
    });
    // An idle worker must not keep the process alive.
    worker.unref();
    worker.on('message', (message: { id: number; rows?: unknown[]; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.rows ?? []);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the statistics reader stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
