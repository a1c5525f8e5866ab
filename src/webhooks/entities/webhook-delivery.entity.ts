import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
/** `cancelled`: the case left the department before the delivery went out, so it is not sent there. */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One routed case to tell one department's system about, and how the telling went. The
 * content is not stored here: it is read from the case when the delivery is sent.
 */
@Entity('webhook_deliveries')
@Index(['caseId'])
@Index(['status', 'createdAt'])
@Index('IDX_webhook_deliveries_status_queued_at', ['status', 'queuedAt'])
export class WebhookDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** `webhook:<caseId>:<routing event id>`: one delivery per routing, however often it is asked for. */
  @Column({ type: 'varchar', length: 200, unique: true })
  deliveryKey: string;

  @Column({ type: 'varchar', length: 32 })
  event: 'case.routed';

  @ForeignKey('departments', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 32 })
  departmentCode: string;

  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'integer', nullable: true })
  routingEventId: number | null;

  @Column({ type: instantType() })
  routedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', default: 0 })
  resendCount: number;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  /** When it was last queued: at the routing, or sent again by an admin. Still pending long after, it is stuck. */
  @Column({ type: instantType() })
  queuedAt: Date;

  @Column({ type: instantType(), nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  deliveredAt: Date | null;
}
