import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType, usesPostgres } from '../../database/column-types';

/**
 * A photo a citizen sent with a report through the e-service, stored without its metadata
 * (common/photo-metadata.ts): only the image. It goes with its case (deleted with it). Times are UTC.
 */
@Entity('case_photos')
@Index(['caseId'])
export class CasePhoto {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  /** `image/jpeg` or `image/png`, from the file's own signature. */
  @Column({ type: 'varchar', length: 32 })
  contentType: string;

  /** Bytes, after the metadata was removed. */
  @Column({ type: 'integer' })
  byteSize: number;

  @Column({ type: usesPostgres() ? 'bytea' : 'blob' })
  content: Buffer;

  @Column({ type: instantType() })
  createdAt: Date;
}
