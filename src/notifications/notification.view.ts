import { Notification } from './entities/notification.entity';

/** A message as staff see it: where it stands, and to which (masked) address. */
export interface NotificationView {
  id: number;
  caseId: string;
  caseReference: string | null;
  kind: string;
  channel: string;
  recipient: string | null;
  status: string;
  attempts: number;
  resendCount: number;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
}

export function toNotificationView(row: Notification, caseReference: string | null): NotificationView {
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipientMasked,
    status: row.status,
    attempts: row.attempts,
    resendCount: row.resendCount,
    lastError: row.lastError,
    createdAt: row.createdAt,
    lastAttemptAt: row.lastAttemptAt,
    sentAt: row.sentAt,
  };
}
