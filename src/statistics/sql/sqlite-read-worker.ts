import { WORKER_THREADS, WorkerThreads, answeringWorkerSource } from '../../common/worker-thread';

/**
 * How much of the database file a reader maps into memory, in bytes. SQLite caps it at its
 * compile-time SQLITE_MAX_MMAP_SIZE (0x7fff0000, just under 2 GiB); a larger file is mapped up to
 * that and read through read() beyond it. A report at a million cases reads pages all over the
 * cases table (each case an index entry and a row); through read() each page is a system call
 * and a copy into SQLite's own cache of 16 MB, which a year of cases overflows. Mapped, the pages
 * are read where the operating system's page cache holds them (https://www.sqlite.org/mmap.html).
 *
 * What it costs: the mapped pages a report touched count towards the process's resident memory
 * (they are the page cache's, shared and given back under memory pressure, but RSS shows them),
 * and an I/O error on a mapped page raises SIGBUS, which ends the process rather than failing a
 * query. SQLite remaps as the file grows or its own checkpoints shrink it. The app's own
 * connection, which intake runs on, is not mapped.
 */
export const READER_MMAP_BYTES = 2 ** 31;

/**
 * The worker's code: a read-only better-sqlite3 connection to the app's database file that
 * answers { sql, values, raw } with the rows. The blobs of an answer are copied into one buffer,
 * each at a multiple of eight bytes (so that a blob of doubles can be read in place), and handed
 * over with it: each blob arrives as a Uint8Array over that buffer. Sent one by one, each would
 * be a buffer of its own to allocate and collect on the event loop (a year of daily figures has
 * tens of thousands).
 */
const WORKER_SOURCE = answeringWorkerSource(
  `const Database = require(workerData.driverPath);
const db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('mmap_size = ' + workerData.mmapBytes);
const aligned = (length) => Math.ceil(length / 8) * 8;
// A raw row is an array: walked by index, since for...in would make a string of every index.
const keysOf = (row) => (Array.isArray(row) ? row.keys() : Object.keys(row));
function withBlobsPacked(rows) {
  let bytes = 0;
  for (const row of rows) for (const key of keysOf(row)) if (row[key] instanceof Uint8Array) bytes += aligned(row[key].length);
  if (bytes === 0) return rows;
  const packed = new ArrayBuffer(bytes);
  let at = 0;
  for (const row of rows)
    for (const key of keysOf(row)) {
      const blob = row[key];
      if (!(blob instanceof Uint8Array)) continue;
      const view = new Uint8Array(packed, at, blob.length);
      view.set(blob);
      row[key] = view;
      at += aligned(blob.length);
    }
  return transferring(rows, [packed]);
}`,
  `({ sql, values, raw }) => {
  const statement = db.prepare(sql);
  return withBlobsPacked(raw ? statement.raw(true).all(...values) : statement.all(...values));
}`,
);

/**
 * Runs the statistics' read queries on SQLite in worker threads, off the event loop.
 *
 * better-sqlite3 answers synchronously, so a query over a year of a million cases on the main
 * thread would hold every other request (and /health) until it ends. Each worker has its own
 * read-only connection to the same file; the database is in WAL mode, so it reads the last
 * committed state while the app goes on writing. A query goes to the worker with the fewest
 * waiting, so queries asked together (the service index's two, two managers' reports) run side
 * by side on as many cores as there are workers; each worker answers in the order it was asked.
 */
export class SqliteReadWorker {
  private readonly threads: WorkerThreads;

  /** workers: how many threads, each started at its first query (at least 1). */
  constructor(filename: string, driverPath: string, workers = WORKER_THREADS) {
    this.threads = new WorkerThreads(
      'the statistics reader',
      WORKER_SOURCE,
      { filename, driverPath, mmapBytes: READER_MMAP_BYTES },
      workers,
    );
  }

  /** How many queries run side by side. */
  get size(): number {
    return this.threads.size;
  }

  /** Rows of a query whose :named parameters are already positional; arrays of values when raw. */
  query(sql: string, values: unknown[], raw: boolean): Promise<unknown[]> {
    return this.threads.request<unknown[]>({ sql, values, raw });
  }

  close(): Promise<void> {
    return this.threads.close();
  }
}
