import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { InboundEmailFiling } from './inbound-email-filing.service';

export interface FileInboundEmailJobData {
  /** The `inbound_emails` row's id; the message itself stays in the database. */
  inboundEmailId: string;
}

/** Files one received e-mail: `file-inbound-email` on the `inbound-email` queue. */
export const FILE_INBOUND_EMAIL_JOB = defineJob<FileInboundEmailJobData>({
  queue: 'inbound-email',
  name: 'file-inbound-email',
});

/** The filing job of one received message, keyed `inbound-email:<id>`. */
export function fileInboundEmailJob(inboundEmailId: string): OutboxJob {
  return FILE_INBOUND_EMAIL_JOB.outboxJob(`inbound-email:${inboundEmailId}`, { inboundEmailId });
}

/** Runs the filing jobs, in whichever process runs the queues' workers. */
@Injectable()
export class FileInboundEmailJob {
  constructor(private readonly filing: InboundEmailFiling) {}

  /** A message already filed or ignored is left alone, so a repeated delivery changes nothing. */
  @OnJob(FILE_INBOUND_EMAIL_JOB)
  async run(job: QueueJob<FileInboundEmailJobData>): Promise<void> {
    await this.filing.file(job.data.inboundEmailId);
  }
}
