import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../entities/notification.entity';
import { NotificationView } from '../notification.view';

/** A message about a case (to its citizen, or an on-call alert to staff), where it stands, and to which masked address it goes. */
export class NotificationResponse {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-000123' })
  caseReference: string | null;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    description:
      'To the citizen: receipt of a new case, a reply, or the resolution; to the on-call staff address: on_call, an urgent case out of hours',
  })
  kind: string;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  channel: string;

  @ApiProperty({ type: String, nullable: true, description: 'The address, masked', example: 'a***@e***.com' })
  recipient: string | null;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: string;

  @ApiProperty({ description: 'Tries to send it so far', example: 1 })
  attempts: number;

  @ApiProperty({ description: 'How often an admin sent it again', example: 0 })
  resendCount: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last try failed' })
  lastError: string | null;

  @ApiInstant('When it was planned')
  createdAt: Date;

  @ApiInstant('When it was last queued: planned, or sent again by an admin')
  queuedAt: Date;

  @ApiProperty({
    description: 'Still queued STUCK_AFTER_MINUTES (default 15) after it was queued: an admin may send it again',
    example: false,
  })
  stuck: boolean;

  @ApiInstant('The last try', { nullable: true })
  lastAttemptAt: Date | null;

  @ApiInstant('When it was handed to the mail or SMS service', { nullable: true })
  sentAt: Date | null;
}

export class NotificationPageResponse extends PageResponse(NotificationResponse) {}

export function toNotificationResponse(view: NotificationView): NotificationResponse {
  return {
    id: view.id,
    caseId: view.caseId,
    caseReference: view.caseReference,
    kind: view.kind,
    channel: view.channel,
    recipient: view.recipient,
    status: view.status,
    attempts: view.attempts,
    resendCount: view.resendCount,
    lastError: view.lastError,
    createdAt: view.createdAt,
    queuedAt: view.queuedAt,
    stuck: view.stuck,
    lastAttemptAt: view.lastAttemptAt,
    sentAt: view.sentAt,
  };
}
