import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * What an Open311 service request brought besides the case it became: the client that sent it,
 * the token the client may poll (`GET tokens/{token}`), the client's own ids of the device and
 * the account, an address id, a link to a photo, and the answers to the service's attributes.
 * The case itself (description, place, citizen) is the cases area's.
 */
@Entity('open311_requests')
@Index(['clientId', 'createdAt'])
export class Open311Request {
  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId: string;

  @ForeignKey('open311_clients')
  @Column({ type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  token: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  deviceId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  mediaUrl: string | null;

  /** Attribute code to the value(s) given, as posted in `attribute[CODE]`. */
  @Column({ type: 'simple-json', nullable: true })
  attributes: Record<string, string | string[]> | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
