import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Migrations are found by file name. Entities are not: each area's module registers its own
 * with TypeOrmModule.forFeature, and the application's data source loads those (autoLoadEntities),
 * so every table has one owning module. `npm run migration:run` needs no entities.
 */
const MIGRATIONS = [join(__dirname, 'migrations', '*.{ts,js}')];

/** The parts of a better-sqlite3 database handle the options use. */
interface SqliteHandle {
  pragma: (sql: string) => unknown;
  function: (name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown) => unknown;
}

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  if (config.database.kind === 'postgres') {
    return {
      type: 'postgres',
      url: config.database.url,
      migrations: MIGRATIONS,
      migrationsRun: false,
      namingStrategy: new SnakeNamingStrategy(),
      synchronize: false,
      extra: {
        max: 20,
        // JIT compilation off on every connection, before its first use. The planner cannot know
        // how many rows a statistics query's join of arrival spans brings, guesses high, and
        // compiled each time slice's query: some 120 ms of compiling for a query that then ran in
        // a few milliseconds. Set once per connection, a report's query is one round trip, not a
        // transaction of four. Most of the app's other queries cost far less than the level JIT
        // starts at (jit_above_cost).
        onConnect: (client: { query(sql: string): Promise<unknown> }) => client.query('SET jit = off'),
      },
    };
  }
  const path = config.database.sqlitePath;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: path,
    migrations: MIGRATIONS,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    enableWAL: true,
    timeout: 5000,
    prepareDatabase: (db: SqliteHandle) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      // A savepoint keeps the pages it changes in a sub-journal, a temporary file unless this
      // says memory: every unit of a group commit runs in one (TransactionService).
      db.pragma('temp_store = MEMORY');
      // SQLite's own LOWER folds ASCII only: "Åvägen" would not find "åvägen". Searches lower
      // both sides, as on PostgreSQL, so LOWER folds every letter here too.
      db.function('lower', { deterministic: true }, (text: unknown) =>
        typeof text === 'string' ? text.toLowerCase() : text,
      );
    },
  };
}
