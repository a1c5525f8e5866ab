import { INestApplication } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { SqliteReadWorker } from '../../src/statistics/sql/sqlite-read-worker';
import { StatisticsSql } from '../../src/statistics/sql/statistics-sql.service';

/** A statement TypeORM sent: its text and its parameters. */
export interface SentStatement {
  query: string;
  parameters: unknown[];
}

/**
 * The statements `dataSource` sends while `work` runs, in order, as TypeORM's subscribers see
 * them (beforeQuery); the listener is removed however `work` ends.
 */
export async function statementsDuring(dataSource: DataSource, work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const listener: EntitySubscriberInterface = {
    beforeQuery: (event) => void sent.push({ query: event.query, parameters: (event.parameters ?? []) as unknown[] }),
  };
  dataSource.subscribers.push(listener);
  try {
    await work();
  } finally {
    dataSource.subscribers.splice(dataSource.subscribers.indexOf(listener), 1);
  }
  return sent;
}

/**
 * The plans (EXPLAIN QUERY PLAN, one detail line per step) of the statements the statistics'
 * SQLite reader threads get while `work` runs, those `select` keeps, in the order they were
 * asked; planned on `dataSource`, the app's own connection to the same file. SQLite only.
 */
export async function statisticsPlansDuring(
  app: INestApplication,
  work: () => Promise<unknown>,
  select: (sql: string) => boolean,
): Promise<string[][]> {
  const statistics: unknown = app.get(StatisticsSql);
  const reader = (statistics as { sqliteReader: SqliteReadWorker }).sqliteReader;
  const asked = jest.spyOn(reader, 'query');
  try {
    await work();
    const dataSource = app.get(DataSource);
    return await Promise.all(
      asked.mock.calls
        .filter(([sql]) => select(sql))
        .map(async ([sql, values]) => {
          const steps = await dataSource.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, values);
          return steps.map((step) => step.detail);
        }),
    );
  } finally {
    asked.mockRestore();
  }
}

/** Whether the SQLite database holds planner statistics (ANALYZE's sqlite_stat1); a running app gathers none. */
export async function hasPlannerStatistics(dataSource: DataSource): Promise<boolean> {
  const [{ tables }] = await dataSource.query<Array<{ tables: number }>>(
    `SELECT COUNT(*) AS tables FROM sqlite_schema WHERE name = 'sqlite_stat1'`,
  );
  return Number(tables) > 0;
}
