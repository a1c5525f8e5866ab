import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseRecordsService } from '../cases/case-records.service';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { WebhookDelivery, WebhookDeliveryStatus } from './entities/webhook-delivery.entity';
import { routedCasePayload } from './routed-case-payload';
import { WebhookSecretSealer } from './webhook-secret-sealer';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  webhookSignature,
} from './webhook-signature';

/** A receiver that has not answered by then is treated as down; the queue tries again later. */
const TIMEOUT_MS = 10_000;
/** Enough of a receiver's error answer to see what it said, not a whole error page. */
const ANSWER_KEPT_CHARS = 300;

type Prepared = { url: string; secret: string; body: string } | { outcome: WebhookDeliveryStatus; reason: string };

/**
 * Sends one delivery: builds the payload from the case as it is now, signs it, POSTs it,
 * and records the answer. Any 2xx answer is delivered; anything else (another status, a
 * redirect, no answer in time) is retried by the queue and kept as failed after the last try.
 */
@Injectable()
export class WebhookDispatchService {
  private readonly sealer: WebhookSecretSealer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly cases: CaseRecordsService,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sealer = new WebhookSecretSealer(config.personalDataKey);
  }

  /** `attemptsMade`: tries before this one; the queue gives each job JOB_ATTEMPTS tries in all. */
  async deliver(deliveryId: string, attemptsMade: number): Promise<void> {
    const delivery = await this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId });
    // Delivered or settled already (the job came twice): nothing more to do.
    if (!delivery || delivery.status !== 'pending') return;
    const lastTry = attemptsMade + 1 >= this.config.queue.jobAttempts;
    const prepared = await this.prepare(delivery);
    if ('outcome' in prepared) {
      await this.record(delivery, prepared.outcome, { tried: false, statusCode: null, problem: prepared.reason });
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    let statusCode: number | null = null;
    let problem: string;
    try {
      const response = await fetch(prepared.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'onewayin-webhooks/1',
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: webhookSignature(prepared.secret, timestamp, prepared.body),
        },
        body: prepared.body,
        // A redirect would send case content to an address nobody configured.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      const answer = await beginningOf(response);
      if (response.status >= 200 && response.status < 300) {
        await this.record(delivery, 'delivered', { tried: true, statusCode, problem: null });
        return;
      }
      problem = `The receiver answered ${response.status}${answer ? `: ${answer}` : ''}`;
    } catch (error) {
      problem = describeFailure(error);
    }
    await this.record(delivery, lastTry ? 'failed' : 'pending', { tried: true, statusCode, problem });
    throw new Error(problem);
  }

  private async prepare(delivery: WebhookDelivery): Promise<Prepared> {
    const manager = this.dataSource.manager;
    const webhook = await manager.findOne(DepartmentWebhook, {
      where: { departmentCode: delivery.departmentCode },
      select: { departmentCode: true, url: true, active: true, secretSealed: true },
    });
    if (!webhook?.active)
      return {
        outcome: 'failed',
        reason: `The webhook of ${delivery.departmentCode} is switched off or removed; resend once it is active`,
      };
    const routed = await this.cases.find(delivery.caseId);
    if (!routed) return { outcome: 'cancelled', reason: 'The case no longer exists' };
    // Its content belongs to the department that has the case now, not to the one it left.
    if (routed.departmentCode !== delivery.departmentCode) {
      return {
        outcome: 'cancelled',
        reason: `The case moved to ${routed.departmentCode ?? 'no department'} before it was delivered`,
      };
    }
    if (routed.status === 'returned')
      return { outcome: 'cancelled', reason: 'The department sent the case back before it was delivered' };
    let secret: string;
    try {
      secret = this.sealer.open(webhook.secretSealed);
    } catch {
      return {
        outcome: 'failed',
        reason: 'The webhook secret cannot be read (was PERSONAL_DATA_KEY changed?); set the secret again and resend',
      };
    }
    const [department, entry] = await Promise.all([
      this.organisation.getDepartment(delivery.departmentCode),
      routed.catalogCode ? this.catalog.findAny(routed.catalogCode) : null,
    ]);
    const payload = routedCasePayload({
      deliveryId: delivery.id,
      routedAt: delivery.routedAt,
      department,
      catalogName: entry?.name.sv ?? null,
      routedCase: routed,
    });
    return { url: webhook.url, secret, body: JSON.stringify(payload) };
  }

  /** `tried`: whether a request went out; a delivery settled before sending (cancelled, switched off) counts no attempt. */
  private record(
    delivery: WebhookDelivery,
    status: WebhookDeliveryStatus,
    attempt: { tried: boolean; statusCode: number | null; problem: string | null },
  ): Promise<void> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      // Only a pending delivery is written: a second run of the same job leaves a settled one alone.
      await manager.update(
        WebhookDelivery,
        { id: delivery.id, status: 'pending' },
        {
          status,
          attempts: attempt.tried ? delivery.attempts + 1 : delivery.attempts,
          lastStatusCode: attempt.tried ? attempt.statusCode : delivery.lastStatusCode,
          lastError: attempt.problem,
          lastAttemptAt: attempt.tried ? now : delivery.lastAttemptAt,
          deliveredAt: status === 'delivered' ? now : null,
        },
      );
    });
  }
}

/** The first few hundred characters of an answer; the rest is not read. */
async function beginningOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < ANSWER_KEPT_CHARS) {
      const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, ANSWER_KEPT_CHARS).replace(/\s+/g, ' ').trim();
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `No answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message;
  return `The receiver could not be reached${detail ? ` (${detail})` : ''}`;
}
