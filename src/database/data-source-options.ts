import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Entities and migrations are found by file name, so a new area only adds files. */
const ENTITIES = [join(__dirname, '..', '**', '*.entity.{ts,js}')];
const MIGRATIONS = [join(__dirname, 'migrations', '*.{ts,js}')];

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  if (config.database.kind === 'postgres') {
    return {
      type: 'postgres',
      url: config.database.url,
      entities: ENTITIES,
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
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    enableWAL: true,
    timeout: 5000,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  };
}
