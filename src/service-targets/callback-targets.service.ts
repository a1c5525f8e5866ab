import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CallbacksService } from '../callbacks/callbacks.service';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination.dto';
import { CitizenView } from '../citizens/citizens.service';
import { ContactsService, ContactView } from '../contacts/contacts.service';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { TargetUnit } from './service-target.types';
import { OwedCallbacksQuery } from './dto/owed-callbacks-query.dto';
import { CallbackTarget } from './entities/callback-target.entity';

/** An owed callback as the service center's list shows it. */
export interface OwedCallbackView {
  contactId: string;
  channel: string | null;
  summary: string | null;
  /** Whom to call: the citizen of the contact, as the reader may see them (null when withheld or not given). */
  citizen: CitizenView | null;
  agentId: string | null;
  promisedAt: Date;
  dueAt: Date;
  target: { value: number; unit: TargetUnit; policyId: string | null } | null;
  state: 'open' | 'overdue' | 'made' | 'made_late';
  warnedAt: Date | null;
  breachedAt: Date | null;
  madeAt: Date | null;
  reached: boolean | null;
}

/** The callbacks the service center owes, the soonest due first: the agents' call-back list. */
@Injectable()
export class CallbackTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly contacts: ContactsService,
    private readonly callbacks: CallbacksService,
  ) {}

  /**
   * The callback targets of contacts from before this system (the demo history), planned by the
   * caller with the policies and the business calendar as CallbackTargetPlanner plans them, a
   * breach recorded at its due time. No checks are queued for them: the reconciler offers the
   * checks of any that is still owed. UTC times.
   */
  async insertHistorical(manager: EntityManager, targets: Array<Omit<CallbackTarget, 'createdAt'>>): Promise<void> {
    await bulkInsertInBatches(manager, CallbackTarget, targets);
  }

  /** Owed callbacks, soonest due first; a contact the reader may not read shows no summary. */
  async list(principal: StaffPrincipal, query: OwedCallbacksQuery): Promise<Page<OwedCallbackView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const state = query.state ?? 'open';
    const now = this.clock.now();
    const builder = this.dataSource.manager.createQueryBuilder(CallbackTarget, 't');
    if (state === 'open') builder.where('t.madeAt IS NULL');
    if (state === 'overdue') builder.where('t.madeAt IS NULL').andWhere('t.dueAt <= :now', { now });
    if (state === 'made') builder.where('t.madeAt IS NOT NULL');
    const [targets, total] = await builder
      .orderBy('t.dueAt', 'ASC')
      .addOrderBy('t.contactId', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    const ids = targets.map((target) => target.contactId);
    const [contacts, made] = await Promise.all([this.contacts.findMany(ids), this.callbacks.madeFor(ids)]);
    const items = targets.map((target) =>
      toView(target, this.seenBy(principal, contacts.get(target.contactId)), made.get(target.contactId), now),
    );
    return { items, total, limit, offset };
  }

  private seenBy(principal: StaffPrincipal, contact: ContactView | undefined): ContactView | undefined {
    return contact && this.contacts.asSeenBy(principal, contact);
  }
}

function toView(
  target: CallbackTarget,
  contact: ContactView | undefined,
  made: { madeAt: Date; reached: boolean } | undefined,
  now: Date,
): OwedCallbackView {
  const state = made ? (made.madeAt > target.dueAt ? 'made_late' : 'made') : target.dueAt <= now ? 'overdue' : 'open';
  return {
    contactId: target.contactId,
    channel: contact?.channel ?? null,
    summary: contact?.summary ?? null,
    citizen: contact?.citizen ?? null,
    agentId: contact?.agentId ?? null,
    promisedAt: target.promisedAt,
    dueAt: target.dueAt,
    target:
      target.targetValue !== null && target.targetUnit
        ? { value: Number(target.targetValue), unit: target.targetUnit, policyId: target.policyId }
        : null,
    state,
    warnedAt: target.warnedAt,
    breachedAt: target.breachedAt,
    madeAt: made?.madeAt ?? null,
    reached: made?.reached ?? null,
  };
}
