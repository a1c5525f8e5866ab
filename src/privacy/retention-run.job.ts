import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { RetentionRun } from './entities/retention-run.entity';
import { DailyRetentionRun, nextDailyRetentionRun } from './retention-schedule';
import { RetentionService } from './retention.service';

export interface RetentionRunJobData {
  /** The municipality's local date (YYYY-MM-DD) the run is for. */
  scheduledFor: string;
}

/** The daily retention run: `retention-run` on the `retention` queue, keyed `retention:<local date>`. */
export const RETENTION_RUN_JOB = defineJob<RetentionRunJobData>({ queue: 'retention', name: 'retention-run' });

/** The outbox entry of a daily run, delayed until its time (by the domain clock). */
export function retentionRunJob(run: DailyRetentionRun, now: Date): OutboxJob {
  return RETENTION_RUN_JOB.outboxJob(
    `retention:${run.scheduledFor}`,
    { scheduledFor: run.scheduledFor },
    Math.max(0, run.at.getTime() - now.getTime()),
  );
}

/**
 * Runs the retention rules once a night, in whichever process runs the queues' workers. Each run
 * writes the next night's job to the outbox with its own record; the reconciler offers the next
 * run again at start and every few minutes, so a lost job or a first start still gets one. A run
 * already recorded for its date is not repeated.
 */
@Injectable()
export class RetentionRunJob implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'nightly retention runs';

  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: RetentionService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  @OnJob(RETENTION_RUN_JOB)
  async run(job: QueueJob<RetentionRunJobData>): Promise<void> {
    const { scheduledFor } = job.data;
    if (await this.retention.ranFor(this.dataSource.manager, scheduledFor)) return;
    const now = this.clock.now();
    const next = nextDailyRetentionRun(now, await this.timeZone(), scheduledFor);
    await this.retention.run({ by: 'schedule', scheduledFor, next: retentionRunJob(next, now) });
  }

  async reconcile(): Promise<number> {
    const latest = await this.dataSource.manager.findOne(RetentionRun, {
      where: { trigger: 'schedule' },
      order: { scheduledFor: 'DESC' },
    });
    const now = this.clock.now();
    const next = nextDailyRetentionRun(now, await this.timeZone(), latest?.scheduledFor ?? null);
    return this.reconciliation.offer([retentionRunJob(next, now)]);
  }

  private async timeZone(): Promise<string> {
    return (await this.calendar.settings()).timeZone;
  }
}
