import { WorkerThread, answeringWorkerSource } from '../../common/worker-thread';

/**
 * The worker's code: a read-only better-sqlite3 connection to the app's database file that
 * answers { sql, values, raw } with the rows.
 */
const WORKER_SOURCE = answeringWorkerSource(
  `const Database = require(workerData.driverPath);
const db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');`,
  `({ sql, values, raw }) => {
  const statement = db.prepare(sql);
  return raw ? statement.raw(true).all(...values) : statement.all(...values);
}`,
);

/**
 * Runs the statistics' read queries on SQLite in a worker thread, off the event loop.
 *
 * better-sqlite3 answers synchronously, so a query over a year of a million cases on the main
 * thread would hold every other request (and /health) until it ends. The worker has its own
 * read-only connection to the same file; the database is in WAL mode, so it reads the last
 * committed state while the app goes on writing. Queries are answered in the order sent.
 */
export class SqliteReadWorker {
  private readonly thread: WorkerThread;

  constructor(filename: string, driverPath: string) {
    this.thread = new WorkerThread('the statistics reader', WORKER_SOURCE, { filename, driverPath });
  }

  /** Rows of a query whose :named parameters are already positional; arrays of values when raw. */
  query(sql: string, values: unknown[], raw: boolean): Promise<unknown[]> {
    return this.thread.request<unknown[]>({ sql, values, raw });
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
