import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerThread, answeringWorkerSource } from '../common/worker-thread';

/** How often the worker checkpoints, in ms. */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * WAL frames (pages) after which the app's own connection checkpoints at a commit, as SQLite does
 * by itself at 1,000 (https://www.sqlite.org/pragma.html#pragma_wal_autocheckpoint): about 16 MB.
 * The worker has copied all but the last CHECKPOINT_INTERVAL_MS of them by then, so the app's
 * checkpoint is short; it is what starts the log over, and so what keeps it from growing.
 */
export const APP_CHECKPOINT_FRAMES = 4_000;

/** The size the WAL file is cut back to when the log starts over, in bytes. */
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Failed checkpoints are retried after 0.2, 0.4, 0.8 ... s, at most this far apart (ms). */
const MAX_RETRY_MS = 60_000;

/** What one checkpoint found. */
export interface CheckpointResult {
  /** Whether a reader kept it from copying every frame, or another checkpoint ran (SQLite's "busy"). */
  busy: boolean;
  /** Frames in the log, and frames of them now copied into the database file. */
  frames: number;
  copied: number;
}

/**
 * The worker's code: a connection of its own to the database file that answers each request
 * with a PASSIVE checkpoint (https://www.sqlite.org/pragma.html#pragma_wal_checkpoint), and
 * closes on { close: true }. PASSIVE takes no lock the app's writes need and never waits: a frame
 * a reader still needs is left for the next time. (RESTART and TRUNCATE would start the log over
 * themselves, but they take the writer's lock, and an app transaction that has read and then
 * writes is refused at once, SQLITE_BUSY, rather than made to wait.)
 */
const WORKER_SOURCE = answeringWorkerSource(
  `const Database = require(workerData.driverPath);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('synchronous = NORMAL');`,
  `({ close }) => {
  if (close) {
    db.close();
    return null;
  }
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  return { busy: row.busy === 1, frames: row.log, copied: row.checkpointed };
}`,
);

/**
 * Checkpoints a SQLite database's write-ahead log in a worker thread, off the event loop.
 *
 * In WAL mode a commit appends the pages it changed to the log; a checkpoint copies them into the
 * database file and syncs both (synchronous = NORMAL). SQLite runs it in the connection that
 * commits, once the log holds 1,000 frames: on the app's one connection that is the event loop,
 * and at a few hundred cases a second it took 10-15 ms at every thirtieth commit or so. Here a
 * connection of its own in a worker thread copies the log every CHECKPOINT_INTERVAL_MS, on the
 * other core. The log starts over only at a write that begins once it is all copied, which under
 * a steady stream of cases seldom happens by chance; the app's connection still checkpoints at
 * APP_CHECKPOINT_FRAMES, between two transactions, copying only what came since the worker's last
 * pass, and the next write starts the log over. The file is cut back to JOURNAL_SIZE_LIMIT_BYTES
 * when it does. A worker that fails is started again after a pause that doubles up to a minute
 * (the app's own checkpoint goes on meanwhile); the first failure and the recovery are logged.
 * Nothing changes for a database in memory or on PostgreSQL.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WalCheckpointer.name);
  private readonly worker: WorkerThread | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private failures = 0;
  private nextTryAt = 0;
  private last: CheckpointResult | null = null;

  constructor(private readonly dataSource: DataSource) {
    const filename = String(dataSource.options.database ?? '');
    this.worker =
      dataSource.options.type === 'better-sqlite3' && filename && filename !== ':memory:'
        ? new WorkerThread('the WAL checkpointer', WORKER_SOURCE, {
            filename,
            driverPath: require.resolve('better-sqlite3'),
          })
        : null;
  }

  /** Starts checkpointing once the schema is in place (migrations run before bootstrap). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.worker) return;
    await this.dataSource.query(`PRAGMA wal_autocheckpoint = ${APP_CHECKPOINT_FRAMES}`);
    await this.dataSource.query(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    this.timer = setInterval(() => this.tick(), CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  /** What the last checkpoint of the timer found; null before the first. */
  get lastCheckpoint(): CheckpointResult | null {
    return this.last;
  }

  /**
   * One checkpoint now, in the worker; null where there is none to take (memory, PostgreSQL).
   * Rejects when the worker fails.
   */
  checkpoint(): Promise<CheckpointResult | null> {
    if (!this.worker) return Promise.resolve(null);
    return this.worker.request<CheckpointResult>({});
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.worker) return;
    await this.running?.catch(() => undefined);
    if (this.worker.isRunning) await this.worker.request({ close: true }).catch(() => undefined);
    await this.worker.close();
  }

  /** A tick of the timer: a checkpoint, unless the last is still running or a failure's pause lasts. */
  private tick(): void {
    if (this.running || Date.now() < this.nextTryAt) return;
    this.running = this.checkpoint()
      .then((result) => {
        this.last = result;
        if (this.failures > 0) this.logger.log(`WAL checkpoints work again after ${this.failures} failed`);
        this.failures = 0;
      })
      .catch((error: Error) => {
        if (this.failures === 0) this.logger.warn(`WAL checkpoint failed, retrying with pauses: ${error.message}`);
        this.failures++;
        this.nextTryAt = Date.now() + Math.min(MAX_RETRY_MS, CHECKPOINT_INTERVAL_MS * 2 ** this.failures);
      })
      .finally(() => (this.running = null));
  }
}
