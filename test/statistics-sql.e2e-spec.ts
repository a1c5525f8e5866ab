import { DataSource } from 'typeorm';
import { BATCH_HANDOVER_MS, StatisticsSql } from '../src/statistics/sql/statistics-sql.service';
import { stepLookup } from '../src/statistics/sql/arrival-spans-sql';
import { T } from '../src/statistics/sql/source-tables';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The SQL the statistics write themselves, run on the database. Rows handed over in batches (a cursor on PostgreSQL, cut from the worker thread's answer on
 * SQLite) are the rows of the query, each once, in order.
 */
describe(`statistics rows in batches (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let sql: StatisticsSql;
  beforeAll(async () => {
    t = await createTestApp();
    sql = t.app.get(StatisticsSql);
  });
  afterAll(() => t.close());

  const query = `SELECT code, kind FROM ${T.catalogEntries} WHERE code <> :left ORDER BY code`;

  it('hands over every row once, in order, however the batches fall', async () => {
    const whole = await sql.arrays<[string, string]>(query, { left: 'street_light' });
    expect(whole.length).toBeGreaterThan(7);
    for (const rowsPerBatch of [1, 3, whole.length, whole.length + 5]) {
      const batches: Array<Array<[string, string]>> = [];
      await sql.arrayBatches<[string, string]>(query, { left: 'street_light' }, rowsPerBatch, (rows) =>
        batches.push(rows),
      );
      expect(batches.flat()).toEqual(whole);
      expect(batches.every((rows) => rows.length > 0 && rows.length <= rowsPerBatch)).toBe(true);
      expect(batches).toHaveLength(Math.ceil(whole.length / rowsPerBatch));
    }
  });

  it('makes the next batch smaller when handing one over took long, and back again when it is quick', async () => {
    const whole = await sql.arrays<[string, string]>(query, { left: 'street_light' });
    const batches: Array<Array<[string, string]>> = [];
    await sql.arrayBatches<[string, string]>(query, { left: 'street_light' }, 4, (rows) => {
      batches.push(rows);
      // The first batch holds the event loop three times BATCH_HANDOVER_MS: the next has a third of its rows.
      if (batches.length === 1)
        for (const until = performance.now() + 3 * BATCH_HANDOVER_MS; performance.now() < until;);
    });
    expect(batches.flat()).toEqual(whole);
    const [first, second, ...rest] = batches.map((rows) => rows.length);
    expect([first, second]).toEqual([4, 1]);
    // The later ones grow again. Not asked of the third alone: on a busy machine the process may
    // lose its core for a few ms while handing the second over, and that counts as slow too.
    expect(Math.max(...rest)).toBeGreaterThan(1);
  });

  it('hands over nothing for no rows, and fails as the query fails', async () => {
    const batches: unknown[][] = [];
    await sql.arrayBatches(query.replace('<>', '='), { left: 'no such entry' }, 3, (rows) => batches.push(rows));
    expect(batches).toEqual([]);
    await expect(sql.arrayBatches(`SELECT no_such_column FROM ${T.catalogEntries}`, {}, 3, () => {})).rejects.toThrow();
    await expect(sql.arrayBatches(query, { left: 'street_light' }, 0, () => {})).rejects.toThrow(RangeError);
    await expect(sql.arrayBatches(query, { left: 'street_light' }, 2.5, () => {})).rejects.toThrow(RangeError);
    // The connection went back to the pool usable: the next read works.
    await expect(sql.arrays(query, { left: 'street_light' })).resolves.not.toHaveLength(0);
  });

  const onPostgres = process.env.TEST_DATABASE === 'postgres' ? it : it.skip;

  onPostgres(
    'holds at most four PostgreSQL connections for statistics, however many queries are asked at once',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          sql.rows<{ pid: number }>('SELECT pg_backend_pid() AS pid FROM pg_sleep(0.05)', {}),
        ),
      );
      const connections = new Set(answers.map(([row]) => row.pid));
      expect(answers).toHaveLength(12);
      expect(connections.size).toBeLessThanOrEqual(4);
    },
  );

  onPostgres('reads with JIT compilation off, on every connection of the pool, in one round trip', async () => {
    // Four statistics connections at once, and connections of the app's own queries.
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        sql.rows<{ jit: string }>("SELECT current_setting('jit') AS jit FROM pg_sleep(0.05)", {}),
      ),
      ...Array.from({ length: 4 }, () =>
        t.app.get(DataSource).query("SELECT current_setting('jit') AS jit FROM pg_sleep(0.05)"),
      ),
    ]);
    expect(answers.flat().map((row: { jit: string }) => row.jit)).toEqual(Array(8).fill('off'));
    // No transaction around a single query: it is not inside one.
    const [[inTransaction]] = await sql.arrays<[boolean]>('SELECT now() <> statement_timestamp()', {});
    expect(inTransaction).toBe(false);
  });

  it('looks a value up by the step it falls in, NULL outside the steps, for any number of steps', async () => {
    const xs = [5, 10, 15, 19, 20, 29, 30, 39, 40, 45];
    const rows = xs.map((x) => `SELECT ${x} AS x`).join(' UNION ALL ');
    for (const steps of [1, 2, 3, 7]) {
      const bounds = Array.from({ length: steps + 1 }, (_, index) => String(10 + index * 10));
      const values = Array.from({ length: steps }, (_, index) => `'step ${index}'`);
      const found = await sql.arrays<[number, string | null]>(
        `SELECT x, ${stepLookup('x', bounds, values)} FROM (${rows}) xs ORDER BY x`,
        {},
      );
      const upper = 10 + steps * 10;
      expect(found.map(([x, value]) => [Number(x), value])).toEqual(
        xs.map((x) => [x, x >= 10 && x < upper ? `step ${Math.floor((x - 10) / 10)}` : null]),
      );
    }
    expect(() => stepLookup('x', ['1', '2'], [])).toThrow(RangeError);
  });
});
