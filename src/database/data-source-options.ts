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
      extra: { max: 20 },
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
      // SQLite's own LOWER folds ASCII only: "Åvägen" would not find "åvägen". Searches lower
      // both sides, as on PostgreSQL, so LOWER folds every letter here too.
      db.function('lower', { deterministic: true }, (text: unknown) =>
        typeof text === 'string' ? text.toLowerCase() : text,
      );
    },
  };
}
