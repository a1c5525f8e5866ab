import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination.dto';
import { Contact } from '../contacts/entities/contact.entity';
import { TargetUnit } from './service-target.types';
import { OwedCallbacksQuery } from '../callbacks/dto/owed-callbacks-query.dto';
import { CallbackTarget } from './entities/callback-target.entity';
import { ContactCallback } from '../callbacks/entities/contact-callback.entity';

/** An owed callback as the service center's list shows it. */
export interface OwedCallbackView {
  contactId: string;
  channel: string | null;
  summary: string | null;
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

const MADE = 'EXISTS (SELECT 1 FROM contact_callbacks m WHERE m.contact_id = t.contact_id)';

/** The callbacks the service center owes, the soonest due first: the agents' call-back list. */
@Injectable()
export class CallbackTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: OwedCallbacksQuery): Promise<Page<OwedCallbackView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const state = query.state ?? 'open';
    const now = this.clock.now();
    const builder = this.dataSource.manager.createQueryBuilder(CallbackTarget, 't');
    if (state === 'open') builder.where(`NOT ${MADE}`);
    if (state === 'overdue') builder.where(`NOT ${MADE}`).andWhere('t.dueAt <= :now', { now });
    if (state === 'made') builder.where(MADE);
    const [targets, total] = await builder
      .orderBy('t.dueAt', 'ASC')
      .addOrderBy('t.contactId', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    const ids = targets.map((target) => target.contactId);
    const manager = this.dataSource.manager;
    const contacts = new Map(
      (ids.length ? await manager.findBy(Contact, { id: In(ids) }) : []).map((contact) => [contact.id, contact]),
    );
    const made = new Map(
      (ids.length ? await manager.findBy(ContactCallback, { contactId: In(ids) }) : []).map((callback) => [
        callback.contactId,
        callback,
      ]),
    );
    const items = targets.map((target) =>
      toView(target, contacts.get(target.contactId), made.get(target.contactId), now),
    );
    return { items, total, limit, offset };
  }
}

function toView(
  target: CallbackTarget,
  contact: Contact | undefined,
  made: ContactCallback | undefined,
  now: Date,
): OwedCallbackView {
  const state = made ? (made.madeAt > target.dueAt ? 'made_late' : 'made') : target.dueAt <= now ? 'overdue' : 'open';
  return {
    contactId: target.contactId,
    channel: contact?.channel ?? null,
    summary: contact?.summary ?? null,
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
