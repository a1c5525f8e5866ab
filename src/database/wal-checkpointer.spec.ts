import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CHECKPOINT_FRAMES, JOURNAL_SIZE_LIMIT_BYTES, WalCheckpointer } from './wal-checkpointer';

describe('the WAL checkpointer', () => {
  let dir: string;
  let dataSource: DataSource;
  let checkpointer: WalCheckpointer;

  /** Rows enough to fill some hundreds of pages of the log, in one transaction. */
  const writeRows = (count: number, bytes = 800) =>
    dataSource.transaction(async (manager) => {
      for (let i = 0; i < count; i++) await manager.query('INSERT INTO notes (body) VALUES (?)', ['x'.repeat(bytes)]);
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

  /** Waits until `check` answers true, polling every 50 ms for up to 10 s. */
  const until = async (check: () => boolean, what: string) => {
    for (const deadline = Date.now() + 10_000; !check();) {
      if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it("checkpoints by itself once started, and sets the app connection's own checkpoint and file limit", async () => {
    await checkpointer.onApplicationBootstrap();
    expect(await setting(dataSource, 'wal_autocheckpoint')).toBe(APP_CHECKPOINT_FRAMES);
    expect(await setting(dataSource, 'journal_size_limit')).toBe(JOURNAL_SIZE_LIMIT_BYTES);

    await writeRows(1000);
    await until(() => (checkpointer.lastCheckpoint?.copied ?? 0) > 100, 'a checkpoint of the thousand rows');
    await writeRows(1);
    // Had nothing copied the first thousand rows' frames, the log would still hold them.
    const after = await checkpointer.checkpoint();
    expect(after!.frames).toBeLessThan(10);
  });

  it('keeps the log near APP_CHECKPOINT_FRAMES while the app keeps writing, and refuses no write', async () => {
    await checkpointer.onApplicationBootstrap();
    const wal = join(dir, 'wal.sqlite-wal');
    let largest = 0;
    let written = 0;
    // Fifty pages every 10-20 ms for 4 s, each transaction reading before it writes, as the app's
    // do: without the log starting over, 10,000-20,000 frames (40-80 MB) of it.
    for (const end = Date.now() + 4000; Date.now() < end;) {
      await dataSource.transaction(async (manager) => {
        await manager.query('SELECT COUNT(*) FROM notes');
        for (let i = 0; i < 50; i++) await manager.query('INSERT INTO notes (body) VALUES (?)', ['x'.repeat(4000)]);
      });
      written += 50;
      largest = Math.max(largest, statSync(wal).size);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(checkpointer.lastCheckpoint!.copied).toBeGreaterThan(0);
    expect(largest).toBeLessThan((APP_CHECKPOINT_FRAMES + 2000) * (4096 + 24));
    expect(await countNotes()).toBe(written);
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
