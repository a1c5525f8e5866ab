import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QueueStatus } from '../../queue/queue-status.service';

const COUNT = { type: 'integer', minimum: 0 } as const;

class DatabaseHealthResponse {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ enum: ['sqlite', 'postgres'] })
  kind: string;

  @ApiPropertyOptional({ description: 'Time to answer SELECT 1, milliseconds; left out when down', example: 0.4 })
  latencyMs?: number;

  @ApiPropertyOptional({ description: "The driver's message; only when down" })
  error?: string;
}

class OutboxBacklogResponse {
  @ApiProperty({
    description:
      'Jobs due and not yet handed to the queue; they grow while Redis is down. Delayed jobs waiting for their time are not counted',
  })
  pending: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How long the oldest of them has been due, seconds; null when none',
  })
  oldestPendingSeconds: number | null;
}

class QueueHealthResponse {
  @ApiPropertyOptional({ enum: ['in-process', 'bullmq'], description: 'Left out when the status is unknown' })
  driver?: string;

  @ApiProperty({ enum: ['up', 'down', 'unknown'], description: 'unknown: the queue could not be asked' })
  status: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { waiting: COUNT, active: COUNT, delayed: COUNT, failed: COUNT },
      required: ['waiting', 'active', 'delayed', 'failed'],
    },
    description: 'Jobs per queue: waiting, running, delayed and failed for good; empty while Redis is down',
    example: { routing: { waiting: 0, active: 0, delayed: 0, failed: 0 } },
  })
  queues?: QueueStatus['queues'];

  @ApiPropertyOptional({ type: OutboxBacklogResponse })
  outbox?: OutboxBacklogResponse;

  @ApiPropertyOptional({ description: 'Why the status is unknown' })
  error?: string;
}

/** Work the queue should have done long ago: waiting STUCK_AFTER_MINUTES after it was queued. */
class StuckWorkResponse {
  @ApiProperty({ description: 'The limit: minutes after being queued (STUCK_AFTER_MINUTES)', example: 15 })
  afterMinutes: number;

  @ApiProperty({
    description: 'Messages to citizens still queued past the limit; listed at /api/v1/notifications?stuck=true',
    example: 0,
  })
  notifications: number;

  @ApiProperty({
    description: 'Webhook deliveries still pending past the limit; listed at /api/v1/webhooks/deliveries?stuck=true',
    example: 0,
  })
  webhookDeliveries: number;
}

/**
 * The health of the app: "ok", or "degraded" when the queue is not up (200: intake goes on,
 * jobs wait in the outbox) or the database does not answer (503, and no queue part).
 */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status: 'ok' | 'degraded';

  @ApiProperty({ type: DatabaseHealthResponse })
  database: DatabaseHealthResponse;

  @ApiPropertyOptional({ type: QueueHealthResponse, description: 'Left out when the database is down' })
  queue?: QueueHealthResponse;

  @ApiPropertyOptional({
    type: StuckWorkResponse,
    description:
      'Messages and deliveries waiting too long (an admin may resend them); left out when the database is down',
  })
  stuck?: StuckWorkResponse;
}

export function toQueueHealthResponse(snapshot: QueueStatus): QueueHealthResponse {
  const { pending, oldestPendingSeconds } = snapshot.outbox;
  return {
    driver: snapshot.driver,
    status: snapshot.status,
    queues: snapshot.queues,
    outbox: { pending, oldestPendingSeconds },
  };
}
