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
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
}

export function toWebhookDeliveryView(row: WebhookDelivery, caseReference: string | null): WebhookDeliveryView {
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
    lastAttemptAt: row.lastAttemptAt,
    deliveredAt: row.deliveredAt,
  };
}
