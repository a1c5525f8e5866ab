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
  /** When it was last queued (planned, or sent again). */
  queuedAt: Date;
  /** Still queued STUCK_AFTER_MINUTES after it was queued: an admin may send it again. */
  stuck: boolean;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
}

/** `stuckBefore`: a message still queued that was queued before this instant is stuck. */
export function toNotificationView(
  row: Notification,
  caseReference: string | null,
  stuckBefore: Date,
): NotificationView {
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
    queuedAt: row.queuedAt,
    stuck: row.status === 'queued' && row.queuedAt.getTime() < stuckBefore.getTime(),
    lastAttemptAt: row.lastAttemptAt,
    sentAt: row.sentAt,
  };
}
