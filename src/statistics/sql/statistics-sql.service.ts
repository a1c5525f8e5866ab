import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodBucket } from '../period-buckets';
import { SqliteReadWorker } from './sqlite-read-worker';
import { letOthersRun } from './time-sliced-reader';

export type SqlParameters = Record<string, unknown>;

/** A query as pg takes it. */
type PgQuery = string | { text: string; values: unknown[]; rowMode?: 'array' };

/** A connection of pg's pool. */
interface PooledClient {
  query(config: PgQuery): Promise<{ rows: unknown[] }>;
  release(): void;
}

/** What the two TypeORM drivers hold underneath: pg's pool, better-sqlite3's connection. */
interface DriverConnections {
  master: { connect(): Promise<PooledClient>; query(config: PgQuery): Promise<{ rows: unknown[] }> };
  databaseConnection: { prepare(sql: string): { raw(on: boolean): { all(...values: unknown[]): unknown[] } } };
}

/**
 * PostgreSQL connections the statistics hold at most at once, of the pool's 20
 * (data-source-options.ts): a report reads up to three queries side by side, and managers asking
 * for reports together must not take the connections every other request needs.
 */
const POSTGRES_STATISTICS_CONNECTIONS = 4;

/**
 * How long handing one batch of arrayBatches to its caller should hold the event loop, in ms:
 * each next batch is sized from what the last took. At 10,000,000 cases a hundred rows of daily
 * figures took 10-20 ms to hand over, and with the driver's parsing of them /health waited
 * 50-65 ms at the worst.
 */
export const BATCH_HANDOVER_MS = 4;

/** Rows of the next batch: as many as would have taken BATCH_HANDOVER_MS at the last one's pace, 1 to `most`. */
export function nextBatchSize(rows: number, tookMs: number, most: number): number {
  return Math.max(1, Math.min(most, Math.floor((rows * BATCH_HANDOVER_MS) / Math.max(tookMs, 0.01))));
}

/** A count of places: `run` waits for a free one, holds it while its work runs, then frees it. */
class Places {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(places: number) {
    this.free = places;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The place goes straight to the next in line, or back to the free ones.
      if (next) next();
      else this.free++;
    }
  }
}

/**
 * The little SQL that differs between SQLite and PostgreSQL in the statistics queries, and a
 * runner for hand-written queries with :named parameters (TypeORM turns them into ? or $n and
 * converts Dates to each driver's instant format).
 *
 * Instants are read as epoch milliseconds computed by the database, so that rows arrive as plain
 * numbers: PostgreSQL would otherwise parse a Date per value and SQLite hand back text.
 *
 * On SQLite with a database file, the queries run in worker threads (SqliteReadWorker), so that
 * a long report never holds the event loop; PostgreSQL answers asynchronously anyway.
 */
@Injectable()
export class StatisticsSql implements OnModuleDestroy {
  readonly postgres: boolean;
  /**
   * How many queries of one report are worth running at once: as many as there are SQLite
   * readers (one without a database file, where queries run on the event loop), or two
   * PostgreSQL connections (reportSelectionParts).
   */
  readonly queriesAtOnce: number;
  private readonly sqliteReader: SqliteReadWorker | null;
  private readonly postgresConnections = new Places(POSTGRES_STATISTICS_CONNECTIONS);

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
    const filename = this.postgres ? null : String(dataSource.options.database ?? '');
    // Two readers (one on a single-core machine), each a connection with its own page cache.
    this.sqliteReader =
      filename && filename !== ':memory:' ? new SqliteReadWorker(filename, require.resolve('better-sqlite3')) : null;
    this.queriesAtOnce = this.postgres ? 2 : (this.sqliteReader?.size ?? 1);
  }

  async onModuleDestroy(): Promise<void> {
    await this.sqliteReader?.close();
  }

  /** Epoch milliseconds of an instant column, NULL for NULL. */
  epochMs(column: string): string {
    // SQLite stores UTC text 'YYYY-MM-DD HH:MM:SS.SSS'; julianday keeps well under a millisecond
    // of precision at today's dates, so rounding gives the exact millisecond.
    return this.postgres
      ? `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`
      : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000.0) AS INTEGER)`;
  }

  /**
   * Ends a derived table's query so that the planner keeps it apart and does not merge it into
   * the query around it: a column computed there is then computed once per row, however often
   * the outer query uses it. A LIMIT (SQLite's "no limit") or an OFFSET 0 (PostgreSQL) is what
   * each planner does not merge.
   */
  get keptApart(): string {
    return this.postgres ? ' OFFSET 0' : ' LIMIT -1';
  }

  /**
   * ` INDEXED BY name` on SQLite, to follow a table in FROM; nothing on PostgreSQL. The app
   * gathers no planner statistics on SQLite, and without them the planner took the index of
   * department and status for a department's cases, or of channel and receipt for one channel's:
   * a row looked up per case, or every case of the department per arrival span. With ANALYZE
   * statistics but no histograms it cannot tell how many rows a period's range holds either, and
   * may read a year through an index that orders the groups, with a table lookup per row, rather
   * than through the covering index: three to four times slower.
   */
  indexedBy(indexName: string): string {
    return this.postgres ? '' : ` INDEXED BY ${indexName}`;
  }

  /** A parameter compared with an instant column. */
  instant(parameterName: string): string {
    return this.postgres ? `CAST(:${parameterName} AS timestamptz)` : `:${parameterName}`;
  }

  /**
   * A common table expression `report_periods(period_index, starts_at, ends_at)` of the report's
   * period buckets, to join rows to the period they fall in. Each bucket joins through the index
   * on the instant column as a range scan. `firstIndex`: the index of the first bucket given, when
   * they are a run of the report's buckets (ReportSelection parts).
   */
  periodsTable(buckets: readonly PeriodBucket[], parameters: SqlParameters, firstIndex = 0): string {
    const values = buckets.map((bucket, position) => {
      const index = firstIndex + position;
      parameters[`periodStart${index}`] = new Date(bucket.startMs);
      parameters[`periodEnd${index}`] = new Date(bucket.endMs);
      return `(${index}, ${this.instant(`periodStart${index}`)}, ${this.instant(`periodEnd${index}`)})`;
    });
    return `report_periods(period_index, starts_at, ends_at) AS (VALUES ${values.join(', ')})`;
  }

  /**
   * An instant written into the SQL text, for values the report computed itself (never user
   * input): the same UTC text TypeORM stores on SQLite, a timestamptz on PostgreSQL. Long lists of
   * instants (the arrival spans of a year) then cost no parameters.
   */
  instantLiteral(instantMs: number): string {
    const iso = new Date(instantMs).toISOString();
    return this.postgres ? `CAST('${iso}' AS timestamptz)` : `'${iso.replace('T', ' ').slice(0, 23)}'`;
  }

  /**
   * Rows as arrays of column values in SELECT order, without the objects TypeORM builds: about
   * half the cost per row when a report reads hundreds of thousands of rows.
   */
  async arrays<T extends unknown[]>(sql: string, parameters: SqlParameters): Promise<T[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    const driver = this.dataSource.driver as unknown as DriverConnections;
    if (this.postgres) return (await this.pooledQuery(driver, { text: query, values, rowMode: 'array' })) as T[];
    if (this.sqliteReader) return (await this.sqliteReader.query(query, values, true)) as T[];
    return driver.databaseConnection
      .prepare(query)
      .raw(true)
      .all(...(values as unknown[])) as T[];
  }

  /**
   * Rows as arrays, like arrays(), handed to `onBatch` in batches with other requests let in
   * between: for results of hundreds of thousands of rows or tens of megabytes. The first batch
   * has `rowsPerBatch` rows; each next one as many as the last batch's pace says `onBatch` takes
   * BATCH_HANDOVER_MS over (nextBatchSize), never more than `rowsPerBatch`.
   * On PostgreSQL through a cursor (DECLARE, then FETCH per batch), so that the driver parses one
   * batch at a time: a result sent whole arrives faster than it is parsed, and its parsing held
   * the event loop for 50-80 ms at a time. On SQLite the worker thread reads the whole result and
   * the batches are cut from it.
   */
  async arrayBatches<T extends unknown[]>(
    sql: string,
    parameters: SqlParameters,
    rowsPerBatch: number,
    onBatch: (rows: T[]) => void,
  ): Promise<void> {
    if (!(Number.isInteger(rowsPerBatch) && rowsPerBatch > 0))
      throw new RangeError(`rows per batch must be a whole number above 0, got ${rowsPerBatch}`);
    /** Hands a batch over; answers how many rows the next should have. */
    const handOver = (rows: T[], size: number): number => {
      const started = performance.now();
      onBatch(rows);
      return nextBatchSize(size, performance.now() - started, rowsPerBatch);
    };
    if (!this.postgres) {
      const rows = await this.arrays<T>(sql, parameters);
      for (let start = 0, size = rowsPerBatch; start < rows.length;) {
        const batch = rows.slice(start, start + size);
        start += batch.length;
        size = handOver(batch, size);
        await letOthersRun();
      }
      return;
    }
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    await this.inReadOnlyTransaction(this.dataSource.driver as unknown as DriverConnections, async (client) => {
      // Every row will be fetched: plan for all of them, as for a query (the default plans a
      // cursor for its first tenth, with nested loops where a hash join reads the whole faster).
      await client.query('SET LOCAL cursor_tuple_fraction = 1.0');
      await client.query({ text: `DECLARE statistics_rows NO SCROLL CURSOR FOR ${query}`, values });
      for (let size = rowsPerBatch; ;) {
        const { rows } = await client.query({
          text: `FETCH ${size} FROM statistics_rows`,
          values: [],
          rowMode: 'array',
        });
        const asked = size;
        if (rows.length > 0) size = handOver(rows as T[], size);
        if (rows.length < asked) break;
        // Waiting for the next FETCH lets other requests run: no extra turn of the loop needed.
      }
    });
  }

  async rows<T>(sql: string, parameters: SqlParameters): Promise<T[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    if (this.sqliteReader) return (await this.sqliteReader.query(query, values, false)) as T[];
    if (this.postgres)
      return (await this.pooledQuery(this.dataSource.driver as unknown as DriverConnections, {
        text: query,
        values,
      })) as T[];
    return this.dataSource.query(query, values);
  }

  /**
   * Runs one query on a pooled PostgreSQL connection, in one round trip: a single statement needs
   * no transaction of its own, and every connection of the pool has JIT compilation off
   * (data-source-options.ts). Waits while the statistics hold POSTGRES_STATISTICS_CONNECTIONS
   * connections already.
   */
  private pooledQuery(driver: DriverConnections, config: PgQuery): Promise<unknown[]> {
    return this.postgresConnections.run(async () => (await driver.master.query(config)).rows);
  }

  /**
   * Runs `work` on a pooled PostgreSQL connection in a read-only transaction (a cursor lives in
   * one), rolled back when `work` fails; waits while the statistics hold
   * POSTGRES_STATISTICS_CONNECTIONS connections already.
   */
  private inReadOnlyTransaction<Answer>(
    driver: DriverConnections,
    work: (client: PooledClient) => Promise<Answer>,
  ): Promise<Answer> {
    return this.postgresConnections.run(() => this.readOnlyTransaction(driver, work));
  }

  private async readOnlyTransaction<Answer>(
    driver: DriverConnections,
    work: (client: PooledClient) => Promise<Answer>,
  ): Promise<Answer> {
    const client = await driver.master.connect();
    try {
      await client.query('BEGIN READ ONLY');
      const answer = await work(client);
      await client.query('COMMIT');
      return answer;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Whether an entity maps the column, i.e. the owning module has added it to its entity and migration. */
  hasColumn(tableName: string, columnName: string): boolean {
    const metadata = this.dataSource.entityMetadatas.find((candidate) => candidate.tableName === tableName);
    return Boolean(metadata?.columns.some((column) => column.databaseName === columnName));
  }
}
