import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CHECKPOINT_INTERVAL_MS, FALLBACK_CHECKPOINT_FRAMES, WalCheckpointer } from './wal-checkpointer';

describe('the WAL checkpointer', () => {
  let dir: string;
  let dataSource: DataSource;
  let checkpointer: WalCheckpointer;

  /** Rows enough to fill some hundreds of pages of the log, in one transaction. */
  const writeRows = (count: number) =>
    dataSource.transaction(async (manager) => {
      for (let i = 0; i < count; i++) await manager.query('INSERT INTO notes (body) VALUES (?)', ['x'.repeat(800)]);
    });

  const countNotes = async (): Promise<number> => {
    const [row] = await dataSource.query<{ count: number }[]>('SELECT COUNT(*) AS count FROM notes');
    return row.count;
  };
  /** The value a PRAGMA that reads one setting answers. */
  const setting = async (source: DataSource, pragma: string): Promise<unknown> => {
    const [row] = await source.query<Record<string, unknown>[]>(`PRAGMA ${pragma}`);
    return Object.values(row)[0];
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewayin-wal-'));
    dataSource = new DataSource({ type: 'better-sqlite3', database: join(dir, 'wal.sqlite'), enableWAL: true });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    checkpointer = new WalCheckpointer(dataSource);
  });

  afterEach(async () => {
    await checkpointer.onModuleDestroy();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies the whole log into the database file, and the app's next write starts the log over", async () => {
    await writeRows(1000);
    const first = await checkpointer.checkpoint();
    expect(first!.busy).toBe(false);
    expect(first!.frames).toBeGreaterThan(100);
    expect(first!.copied).toBe(first!.frames);

    await writeRows(1);
    const second = await checkpointer.checkpoint();
    expect(second!.frames).toBeLessThan(10);
    expect(await countNotes()).toBe(1001);
  });

  it('copies what is committed without waiting for a transaction the app has open', async () => {
    await writeRows(200);
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('INSERT INTO notes (body) VALUES (?)', ['open']);
      const during = await checkpointer.checkpoint();
      expect(during!.busy).toBe(false);
      expect(during!.copied).toBe(during!.frames);
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    expect(await countNotes()).toBe(201);
  });

  it("checkpoints by itself once started, and raises the app connection's own checkpoint to the fallback", async () => {
    await checkpointer.onApplicationBootstrap();
    expect(await setting(dataSource, 'wal_autocheckpoint')).toBe(FALLBACK_CHECKPOINT_FRAMES);

    await writeRows(1000);
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_INTERVAL_MS * 4));
    await writeRows(1);
    // Had nothing copied the first thousand rows' frames, the log would still hold them.
    const after = await checkpointer.checkpoint();
    expect(after!.frames).toBeLessThan(10);
  });

  it('does nothing for a database in memory', async () => {
    const memory = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await memory.initialize();
    const none = new WalCheckpointer(memory);
    try {
      await none.onApplicationBootstrap();
      await expect(none.checkpoint()).resolves.toBeNull();
      expect(await setting(memory, 'wal_autocheckpoint')).toBe(1000);
    } finally {
      await none.onModuleDestroy();
      await memory.destroy();
    }
  });
});
