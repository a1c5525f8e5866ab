import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerThread, answeringWorkerSource } from '../common/worker-thread';

/** How often the worker checkpoints, in ms. */
export const CHECKPOINT_INTERVAL_MS = 200;

/**
 * WAL frames (pages) from which the worker also starts the log over (RESTART), so that it does
 * not grow while cases keep coming: about 16 MB.
 */
export const RESTART_FRAMES = 4_000;

/**
 * How long a RESTART waits for the app's writes and the statistics readers to let go, in ms;
 * the app's writes wait meanwhile. One that could not wait it out is not tried again for
 * RESTART_PAUSE_MS (a long report holds its readers' snapshots).
 */
export const RESTART_WAIT_MS = 10;
export const RESTART_PAUSE_MS = 1_000;

/**
 * WAL frames after which the app's own connection checkpoints at a commit, as SQLite does by
 * itself at 1,000: should the worker stop, the log still stays under about 40 MB.
 */
export const FALLBACK_CHECKPOINT_FRAMES = 10_000;

/** The size the WAL file is cut back to when the log starts over, in bytes. */
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Failed checkpoints are retried after 0.2, 0.4, 0.8 ... s, at most this far apart (ms). */
const MAX_RETRY_MS = 60_000;

/** What one checkpoint found. */
export interface CheckpointResult {
  /** Whether a reader or a writer kept it from copying every frame (SQLite's "busy"). */
  busy: boolean;
  /** Frames in the log, and frames of them now copied into the database file. */
  frames: number;
  copied: number;
  /** Whether it started the log over: the app's next write begins it anew. */
  restarted: boolean;
}

/**
 * The worker's code: a connection of its own to the database file that answers each request
 * with a PASSIVE checkpoint (https://www.sqlite.org/pragma.html#pragma_wal_checkpoint), which
 * never waits for a lock and copies every frame no reader still needs; then, once the log holds
 * `restartFrames`, with a RESTART, which copies what came meanwhile and waits (up to
 * RESTART_WAIT_MS) until no one reads the log, so that the next write starts it over. Closes on
 * { close: true }.
 */
const WORKER_SOURCE = answeringWorkerSource(
  `const Database = require(workerData.driverPath);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = ' + workerData.restartWaitMs);
const checkpoint = (mode) => {
  const [row] = db.pragma('wal_checkpoint(' + mode + ')');
  return { busy: row.busy === 1, frames: row.log, copied: row.checkpointed, restarted: mode === 'RESTART' && row.busy === 0 };
};`,
  `({ close, restartFrames }) => {
  if (close) {
    db.close();
    return null;
  }
  const passive = checkpoint('PASSIVE');
  return !passive.busy && passive.frames >= restartFrames ? checkpoint('RESTART') : passive;
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
 * core. The log starts over only at a write that begins once it is all copied, which under a
 * steady stream of cases seldom happens by chance; so from RESTART_FRAMES on the worker makes it
 * happen. The app's connection keeps a checkpoint of its own at FALLBACK_CHECKPOINT_FRAMES should
 * the worker stop, and cuts the file back to JOURNAL_SIZE_LIMIT_BYTES when the log starts over. A
 * worker that fails is started again after a pause that doubles up to a minute; the first failure
 * and the recovery are logged. Nothing changes for a database in memory or on PostgreSQL.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WalCheckpointer.name);
  private readonly worker: WorkerThread | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private failures = 0;
  private nextTryAt = 0;
  private restartPausedUntil = 0;
  private last: CheckpointResult | null = null;

  constructor(private readonly dataSource: DataSource) {
    const filename = String(dataSource.options.database ?? '');
    this.worker =
      dataSource.options.type === 'better-sqlite3' && filename && filename !== ':memory:'
        ? new WorkerThread('the WAL checkpointer', WORKER_SOURCE, {
            filename,
            driverPath: require.resolve('better-sqlite3'),
            restartWaitMs: RESTART_WAIT_MS,
          })
        : null;
  }

  /** Starts checkpointing once the schema is in place (migrations run before bootstrap). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.worker) return;
    await this.dataSource.query(`PRAGMA wal_autocheckpoint = ${FALLBACK_CHECKPOINT_FRAMES}`);
    await this.dataSource.query(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    this.timer = setInterval(() => this.tick(), CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  /** What the last checkpoint of the timer found; null before the first. */
  get lastCheckpoint(): CheckpointResult | null {
    return this.last;
  }

  /**
   * One checkpoint now, in the worker (a RESTART too from RESTART_FRAMES on, unless one was
   * busy less than RESTART_PAUSE_MS ago); null where there is none to take (memory,
   * PostgreSQL). Rejects when the worker fails.
   */
  async checkpoint(): Promise<CheckpointResult | null> {
    if (!this.worker) return null;
    const restartFrames = Date.now() < this.restartPausedUntil ? Number.MAX_SAFE_INTEGER : RESTART_FRAMES;
    const result = await this.worker.request<CheckpointResult>({ restartFrames });
    if (result.busy && result.frames >= restartFrames) this.restartPausedUntil = Date.now() + RESTART_PAUSE_MS;
    return result;
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
