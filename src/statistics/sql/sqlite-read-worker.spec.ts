import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READER_MMAP_BYTES, SqliteReadWorker } from './sqlite-read-worker';

/** The part of better-sqlite3 (which has no types here) that writes the test's database. */
interface WritableDatabase {
  exec(sql: string): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (filename: string) => WritableDatabase;

describe('the SQLite statistics readers', () => {
  let dir: string;
  let filename: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'onewayin-readers-'));
    filename = join(dir, 'readers.sqlite');
    const db = new Database(filename);
    db.exec(`PRAGMA journal_mode = WAL;
      CREATE TABLE numbers (n INTEGER NOT NULL);
      WITH RECURSIVE counting(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counting WHERE n < 100)
      INSERT INTO numbers (n) SELECT n FROM counting;
      CREATE TABLE blobs (id INTEGER NOT NULL, bytes BLOB);
      INSERT INTO blobs VALUES (1, x'0102030405'), (2, NULL), (3, x''), (4, x'0a0b0c0d0e0f101112'), (5, x'ff');`);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A query that keeps its reader busy for a while: a count to some millions, in SQL. */
  const LONG_QUERY = `WITH RECURSIVE counting(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM counting WHERE i < 3000000)
    SELECT COUNT(*) AS counted FROM counting`;

  it('answers each of many queries asked together with its own rows', async () => {
    const readers = new SqliteReadWorker(filename, require.resolve('better-sqlite3'), 2);
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          readers.query('SELECT SUM(n) AS total, ? AS asked FROM numbers WHERE n <= ?', [index, index * 5], false),
        ),
      );
      expect(answers).toEqual(
        Array.from({ length: 12 }, (_, index) => [
          { total: index === 0 ? null : (index * 5 * (index * 5 + 1)) / 2, asked: index },
        ]),
      );
      await expect(readers.query('SELECT n FROM numbers WHERE n > ?', [98], true)).resolves.toEqual([[99], [100]]);
    } finally {
      await readers.close();
    }
  });

  it('runs a short query beside a long one with two readers, and after it with one', async () => {
    const finishOrder = async (workers: number) => {
      const readers = new SqliteReadWorker(filename, require.resolve('better-sqlite3'), workers);
      const finished: string[] = [];
      try {
        // Every reader started (a thread's start is not what is measured here).
        await Promise.all(Array.from({ length: workers }, () => readers.query('SELECT 1 AS one', [], false)));
        await Promise.all([
          readers.query(LONG_QUERY, [], false).then(() => finished.push('long')),
          readers.query('SELECT COUNT(*) AS counted FROM numbers', [], false).then(() => finished.push('short')),
        ]);
      } finally {
        await readers.close();
      }
      return finished;
    };
    await expect(finishOrder(2)).resolves.toEqual(['short', 'long']);
    await expect(finishOrder(1)).resolves.toEqual(['long', 'short']);
  });

  it('hands the blobs of an answer over in one buffer, each at a multiple of eight bytes', async () => {
    const readers = new SqliteReadWorker(filename, require.resolve('better-sqlite3'), 1);
    try {
      const rows = (await readers.query('SELECT id, bytes FROM blobs ORDER BY id', [], true)) as Array<
        [number, Uint8Array | null]
      >;
      expect(rows.map(([id, bytes]) => [id, bytes && [...bytes]])).toEqual([
        [1, [1, 2, 3, 4, 5]],
        [2, null],
        [3, []],
        [4, [10, 11, 12, 13, 14, 15, 16, 17, 18]],
        [5, [255]],
      ]);
      const blobs = rows.map(([, bytes]) => bytes).filter((bytes): bytes is Uint8Array => bytes !== null);
      expect(new Set(blobs.map((bytes) => bytes.buffer)).size).toBe(1);
      expect(blobs.map((bytes) => bytes.byteOffset % 8)).toEqual([0, 0, 0, 0]);
      const objects = (await readers.query('SELECT id, bytes FROM blobs WHERE id = 4', [], false)) as Array<{
        id: number;
        bytes: Uint8Array;
      }>;
      expect([...objects[0].bytes]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    } finally {
      await readers.close();
    }
  });

  it('fails a bad query alone and goes on answering', async () => {
    const readers = new SqliteReadWorker(filename, require.resolve('better-sqlite3'), 2);
    try {
      await expect(readers.query('SELECT missing_column FROM numbers', [], false)).rejects.toThrow(/no such column/);
      await expect(readers.query('SELECT COUNT(*) AS counted FROM numbers', [], false)).resolves.toEqual([
        { counted: 100 },
      ]);
    } finally {
      await readers.close();
    }
  });

  it('reads the database file mapped into memory, each reader', async () => {
    const readers = new SqliteReadWorker(filename, require.resolve('better-sqlite3'), 2);
    try {
      const answers = await Promise.all([1, 2].map(() => readers.query('PRAGMA mmap_size', [], false)));
      // SQLite caps the size at its compile-time limit; anything above zero maps the file.
      for (const [row] of answers as Array<Array<{ mmap_size: number }>>) {
        expect(row.mmap_size).toBeGreaterThan(0);
        expect(row.mmap_size).toBeLessThanOrEqual(READER_MMAP_BYTES);
      }
    } finally {
      await readers.close();
    }
  });
});
