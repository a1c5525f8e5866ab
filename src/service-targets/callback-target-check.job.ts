import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { delayUntil, TargetCheck } from './case-target-check.job';
import { CallbackTargetChecks } from './callback-target-checks.service';

export interface CallbackTargetCheckData {
  contactId: string;
  check: TargetCheck;
  dueAt: string;
  runAt: string;
}

/** Warns of or records a breach of a promised callback: `callback-target-check` on the `service-targets` queue. */
export const CALLBACK_TARGET_CHECK_JOB = defineJob<CallbackTargetCheckData>({
  queue: 'service-targets',
  name: 'callback-target-check',
});

/** A callback's due time is set once, so its checks need no version. */
export function callbackCheckKey(contactId: string, check: TargetCheck): string {
  return `callback-${check === 'warning' ? 'warn' : 'breach'}:${contactId}`;
}

export function callbackCheckJob(data: CallbackTargetCheckData, now: Date): OutboxJob {
  return CALLBACK_TARGET_CHECK_JOB.outboxJob(
    callbackCheckKey(data.contactId, data.check),
    data,
    delayUntil(data.runAt, now),
  );
}

/** Runs the callback checks, in whichever process runs the queues' workers. */
@Injectable()
export class CallbackTargetCheckJob {
  constructor(private readonly checks: CallbackTargetChecks) {}

  @OnJob(CALLBACK_TARGET_CHECK_JOB)
  async run(job: QueueJob<CallbackTargetCheckData>): Promise<void> {
    await this.checks.run(job.data);
  }
}
