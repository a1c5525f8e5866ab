import { WebhookDelivery } from './entities/webhook-delivery.entity';

/** One delivery as admins see it in the delivery log. */
export interface WebhookDeliveryView {
  id: string;
  event: string;
  departmentCode: string;
  caseId: string;
  caseReference: string | null;
  status: string;
  attempts: number;
  resendCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  routedAt: Date;
  createdAt: Date;
  /** When it was last queued (at the routing, or sent again). */
  queuedAt: Date;
  /** Still pending STUCK_AFTER_MINUTES after it was queued: an admin may send it again. */
  stuck: boolean;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** `stuckBefore`: a delivery still pending that was queued before this instant is stuck. */
export function toWebhookDeliveryView(
  row: WebhookDelivery,
  caseReference: string | null,
  stuckBefore: Date,
): WebhookDeliveryView {
  return {
    id: row.id,
    event: row.event,
    departmentCode: row.departmentCode,
    caseId: row.caseId,
    caseReference,
    status: row.status,
    attempts: row.attempts,
    resendCount: row.resendCount,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    routedAt: row.routedAt,
    createdAt: row.createdAt,
    queuedAt: row.queuedAt,
    stuck: row.status === 'pending' && row.queuedAt.getTime() < stuckBefore.getTime(),
    lastAttemptAt: row.lastAttemptAt,
    deliveredAt: row.deliveredAt,
  };
}
