import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { RegisterPublisher } from './register-publisher.service';

export interface PublishRegisterEntryJobData {
  caseId: string;
  /** The entry's plan version the job was queued for; a job for an older plan does nothing. */
  planVersion: number;
}

/** Publishes a case's entry in the public register: `publish-register-entry` on the `register` queue. */
export const PUBLISH_REGISTER_ENTRY_JOB = defineJob<PublishRegisterEntryJobData>({
  queue: 'register',
  name: 'publish-register-entry',
});

/** The publication job of one plan of a case's entry, keyed `register:<caseId>:<planVersion>`, run after `delayMs`. */
export function publishRegisterEntryJob(caseId: string, planVersion: number, delayMs?: number): OutboxJob {
  return PUBLISH_REGISTER_ENTRY_JOB.outboxJob(`register:${caseId}:${planVersion}`, { caseId, planVersion }, delayMs);
}

/** Runs the register's publication jobs, in whichever process runs the queues' workers. */
@Injectable()
export class PublishRegisterEntryJob {
  constructor(private readonly publisher: RegisterPublisher) {}

  /** Looks at the entry as it is now, so a late or repeated delivery changes nothing. */
  @OnJob(PUBLISH_REGISTER_ENTRY_JOB)
  async run(job: QueueJob<PublishRegisterEntryJobData>): Promise<void> {
    await this.publisher.publish(job.data.caseId, job.data.planVersion);
  }
}
