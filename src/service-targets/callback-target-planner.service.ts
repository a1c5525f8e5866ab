import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ContactView } from '../contacts/contacts.service';
import { TransactionService } from '../database/transaction.service';
import { MessageQueue } from '../queue/message-queue';
import { OutboxService } from '../queue/outbox.service';
import { BusinessCalendar } from '../calendar/business-calendar';
import { dueAtFor, warnAtFor } from './due-time';
import { ServiceTargetPolicyRules } from './service-target-policy-rules.service';
import { TARGET_CHECKS } from './case-target-check.job';
import { callbackCheckJob, callbackCheckKey } from './callback-target-check.job';
import { SupersededJobs } from './superseded-jobs.service';
import { CallbackTarget } from './entities/callback-target.entity';
import { CalendarService } from '../calendar/calendar.service';

/**
 * Gives an owed callback its due time from the callback policy, and queues its warning and
 * breach checks, in the transaction that logs the contact. The promise is given at the end of
 * the contact, so "the same working day" means the close of the day the call ended (the next
 * working day's close when it ended after hours). The subject's priority is its catalog type's.
 */
@Injectable()
export class CallbackTargetPlanner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Callbacks');

  constructor(
    private readonly rules: ServiceTargetPolicyRules,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly superseded: SupersededJobs,
    private readonly queue: MessageQueue,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(manager: EntityManager, contact: ContactView): Promise<void> {
    if (await manager.existsBy(CallbackTarget, { contactId: contact.id })) return;
    const entry = contact.catalogCode ? await this.catalog.findAny(contact.catalogCode, manager) : null;
    const targets = await this.rules.targetsFor(manager, {
      catalogCode: contact.catalogCode,
      kind: entry?.kind ?? null,
      priority: entry?.priority ?? 'normal',
      channel: contact.channel,
    });
    const target = targets.callback;
    if (!target) return;
    const calendar = await this.calendars.current(manager);
    const promised = manager.create(CallbackTarget, {
      contactId: contact.id,
      promisedAt: contact.endedAt,
      dueAt: dueAtFor(calendar, contact.endedAt, target),
      policyId: target.policyId,
      targetValue: target.value,
      targetUnit: target.unit,
      warnedAt: null,
      breachedAt: null,
      madeAt: null,
    });
    await manager.save(promised);
    await this.queueChecks(manager, calendar, promised);
  }

  /** The callback was made: its checks have nothing left to do. */
  async made(manager: EntityManager, contactId: string, madeAt: Date): Promise<void> {
    await manager.update(CallbackTarget, { contactId }, { madeAt });
    await this.superseded.supersede(
      manager,
      TARGET_CHECKS.map((check) => callbackCheckKey(contactId, check)),
    );
  }

  /** As for cases (ServiceTargetRecovery): the in-process queue forgets delayed checks on a restart. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.queue.driver !== 'in-process') return;
    const owed = await this.dataSource.manager
      .createQueryBuilder(CallbackTarget, 't')
      .where('t.breachedAt IS NULL')
      .andWhere('t.madeAt IS NULL')
      .getMany();
    if (owed.length === 0) return;
    const calendar = await this.calendars.current(this.dataSource.manager);
    await this.transactions.run(async (manager) => {
      for (const promised of owed) await this.queueChecks(manager, calendar, promised);
    });
    this.logger.log(`Queued the checks of ${owed.length} owed callbacks again after the start`);
  }

  private async queueChecks(
    manager: EntityManager,
    calendar: BusinessCalendar,
    promised: CallbackTarget,
  ): Promise<void> {
    const now = this.clock.now();
    const dueAt = promised.dueAt.toISOString();
    const warnAt = promised.warnedAt
      ? null
      : warnAtFor(calendar, promised.promisedAt, promised.dueAt, 0, this.config.serviceTargets.warningShare);
    if (warnAt)
      await this.outbox.enqueue(
        manager,
        callbackCheckJob({ contactId: promised.contactId, check: 'warning', dueAt, runAt: warnAt.toISOString() }, now),
      );
    await this.outbox.enqueue(
      manager,
      callbackCheckJob({ contactId: promised.contactId, check: 'breach', dueAt, runAt: dueAt }, now),
    );
  }
}
