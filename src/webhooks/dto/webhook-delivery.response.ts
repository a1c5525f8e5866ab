import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { WEBHOOK_DELIVERY_STATUSES } from '../entities/webhook-delivery.entity';
import { WebhookDeliveryView } from '../webhook-delivery.view';

/** One signed delivery of a routed case to a department system, as the delivery log shows it. */
export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'Also sent to the receiver, so it can spot a resend' })
  id: string;

  @ApiProperty({ enum: ['case.routed'] })
  event: string;

  @ApiProperty({ example: 'TEK' })
  departmentCode: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-000123' })
  caseReference: string | null;

  @ApiProperty({
    enum: WEBHOOK_DELIVERY_STATUSES,
    description: 'cancelled: the case left the department before the delivery went out',
  })
  status: string;

  @ApiProperty({ description: 'Tries so far', example: 1 })
  attempts: number;

  @ApiProperty({ description: 'How often an admin sent it again', example: 0 })
  resendCount: number;

  @ApiProperty({ type: Number, nullable: true, description: "The receiver's last HTTP status", example: 502 })
  lastStatusCode: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last try failed' })
  lastError: string | null;

  @ApiInstant('When the case was routed to the department')
  routedAt: Date;

  @ApiInstant('When the delivery was planned')
  createdAt: Date;

  @ApiInstant('When it was last queued: at the routing, or sent again by an admin')
  queuedAt: Date;

  @ApiProperty({
    description: 'Still pending STUCK_AFTER_MINUTES (default 15) after it was queued: an admin may send it again',
    example: false,
  })
  stuck: boolean;

  @ApiInstant('The last try', { nullable: true })
  lastAttemptAt: Date | null;

  @ApiInstant('When the receiver accepted it', { nullable: true })
  deliveredAt: Date | null;
}

export class WebhookDeliveryPageResponse extends PageResponse(WebhookDeliveryResponse) {}

export function toWebhookDeliveryResponse(view: WebhookDeliveryView): WebhookDeliveryResponse {
  return {
    id: view.id,
    event: view.event,
    departmentCode: view.departmentCode,
    caseId: view.caseId,
    caseReference: view.caseReference,
    status: view.status,
    attempts: view.attempts,
    resendCount: view.resendCount,
    lastStatusCode: view.lastStatusCode,
    lastError: view.lastError,
    routedAt: view.routedAt,
    createdAt: view.createdAt,
    queuedAt: view.queuedAt,
    stuck: view.stuck,
    lastAttemptAt: view.lastAttemptAt,
    deliveredAt: view.deliveredAt,
  };
}
