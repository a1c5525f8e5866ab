import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import type { ServiceAttribute } from '../service-attribute';

/** The attributes a service (a catalog entry) asks for in Open311 (`GET services/{code}`). */
@Entity('open311_service_definitions')
export class Open311ServiceDefinition {
  @ForeignKey('catalog_entries', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  catalogCode: string;

  @Column({ type: 'simple-json' })
  attributes: ServiceAttribute[];

  /** UTC. */
  @Column({ type: instantType() })
  updatedAt: Date;
}
