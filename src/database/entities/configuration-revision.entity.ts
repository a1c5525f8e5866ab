import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The revision of a configuration table: a random token that a database trigger replaces in the
 * same transaction as every change to the table (migration 1766700000900). Read by
 * RevisionCache (configuration-revisions.ts), never written by the application.
 */
@Entity('configuration_revisions')
export class ConfigurationRevision {
  /** The table's name, e.g. `catalog_entries`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tableName: string;

  /** 32 hexadecimal digits on SQLite, a UUID on PostgreSQL; only ever compared for equality. */
  @Column({ type: 'varchar', length: 36 })
  revision: string;
}
