import { ColumnType } from 'typeorm';

/**
 * The two databases name a UTC instant differently: PostgreSQL has timestamptz,
 * SQLite stores TypeORM's "datetime" as UTC text. Entities and migrations ask here.
 * The choice follows DATABASE_URL at the time the entity module is loaded.
 */
export function usesPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

export function instantType(): ColumnType {
  return usesPostgres() ? 'timestamptz' : 'datetime';
}
