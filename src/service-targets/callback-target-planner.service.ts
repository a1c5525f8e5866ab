import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ContactView } from '../contacts/contacts.service';
import { OutboxJob, OutboxService } from '../queue/outbox.service';
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
export class CallbackTargetPlanner {
  constructor(
    private readonly rules: ServiceTargetPolicyRules,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly superseded: SupersededJobs,
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
    for (const job of this.checkJobs(calendar, promised)) await this.outbox.enqueue(manager, job);
  }

  /** The callback was made: its checks have nothing left to do. */
  async made(manager: EntityManager, contactId: string, madeAt: Date): Promise<void> {
    await manager.update(CallbackTarget, { contactId }, { madeAt });
    await this.superseded.supersede(
      manager,
      TARGET_CHECKS.map((check) => callbackCheckKey(contactId, check)),
    );
  }

  /**
   * The check jobs an owed callback still needs: the warning unless it was raised, and the
   * breach. What `plan` queues, and what the reconciler offers again.
   */
  checkJobs(calendar: BusinessCalendar, promised: CallbackTarget): OutboxJob[] {
    const now = this.clock.now();
    const dueAt = promised.dueAt.toISOString();
    const warnAt = promised.warnedAt
      ? null
      : warnAtFor(calendar, promised.promisedAt, promised.dueAt, 0, this.config.serviceTargets.warningShare);
    const jobs: OutboxJob[] = [];
    if (warnAt)
      jobs.push(
        callbackCheckJob({ contactId: promised.contactId, check: 'warning', dueAt, runAt: warnAt.toISOString() }, now),
      );
    jobs.push(callbackCheckJob({ contactId: promised.contactId, check: 'breach', dueAt, runAt: dueAt }, now));
    return jobs;
  }
}
