import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { instantType, usesPostgres } from '../../database/column-types';
import type { PhotoType } from '../../common/photo-metadata';

/**
 * The photo an app uploaded with a service request (multipart `media`), stored without its
 * metadata (photo.ts). For the staff who may read the case; never in a public answer.
 */
@Entity('open311_photos')
export class Open311Photo {
  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'varchar', length: 32 })
  contentType: PhotoType;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: usesPostgres() ? 'bytea' : 'blob' })
  bytes: Buffer;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
