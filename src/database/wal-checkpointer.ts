import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerThread, answeringWorkerSource } from '../common/worker-thread';

/** How often the worker checkpoints, in ms. */
export const CHECKPOINT_INTERVAL_MS = 200;

/**
 * WAL frames (pages) after which the app's own connection checkpoints at a commit, as SQLite does
 * by itself at 1,000: a bound on the WAL should the worker fall behind or stop. At this size the
 * worker has always got there first.
 */
export const FALLBACK_CHECKPOINT_FRAMES = 10_000;

/** What one checkpoint found: frames in the WAL, frames now copied into the database file. */
export interface CheckpointResult {
  /** Whether a reader or writer kept it from copying every frame (SQLite's "busy"). */
  busy: boolean;
  frames: number;
  copied: number;
}

/**
 * The worker's code: a connection of its own to the database file that answers each request with
 * a PASSIVE checkpoint (https://www.sqlite.org/pragma.html#pragma_wal_checkpoint), and closes
 * on { close: true }. A checkpoint taken while the app commits may leave the last frames behind;
 * it is taken again, up to five times, until the WAL is copied whole, so that the app's next
 * write can start the WAL over from its beginning. PASSIVE never waits for a lock: a frame a
 * reader still needs is left for the next time.
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
  let result;
  for (let round = 0; round < 5; round++) {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    result = { busy: row.busy === 1, frames: row.log, copied: row.checkpointed };
    if (result.busy || result.copied >= result.frames) break;
  }
  return result;
}`,
);

/**
 * Checkpoints a SQLite database's write-ahead log in a worker thread, off the event loop.
 *
 * In WAL mode a commit appends the pages it changed to the log; a checkpoint copies them into the
 * database file and syncs both (synchronous = NORMAL). SQLite runs it in the connection that
 * commits, once the log holds 1,000 frames: on the app's one connection that is the event loop,
 * and at a few hundred cases a second it took 10-15 ms at every thirtieth commit or so. Here a
 * connection of its own in a worker thread checkpoints every CHECKPOINT_INTERVAL_MS, on the other
 * core, while the app goes on; the app's connection keeps a checkpoint of its own for a log of
 * FALLBACK_CHECKPOINT_FRAMES, should the worker stop. Nothing changes for a database in memory
 * or on PostgreSQL: there it does nothing.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WalCheckpointer.name);
  private readonly worker: WorkerThread | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

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
    await this.dataSource.query(`PRAGMA wal_autocheckpoint = ${FALLBACK_CHECKPOINT_FRAMES}`);
    this.timer = setInterval(() => void this.checkpointUnlessRunning(), CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
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
    await this.worker.request({ close: true }).catch(() => undefined);
    await this.worker.close();
  }

  /** A tick of the timer: a checkpoint unless the last one is still running. */
  private checkpointUnlessRunning(): void {
    if (this.running) return;
    this.running = this.checkpoint()
      .catch((error: Error) => this.logger.warn(`WAL checkpoint failed: ${error.message}`))
      .finally(() => (this.running = null));
  }
}
