import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CitizensService } from '../citizens/citizens.service';
import { redact } from '../register/redaction';
import { CaseEventRecord, CaseRecord } from './case-record';
import { loadCaseForUpdate } from './case-timeline';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';

/** A case that may be due for retention: closed, its personal data still there. */
export interface RetentionCandidate {
  id: string;
  catalogCode: string | null;
  /** UTC. */
  closedAt: Date;
}

/** What anonymising one case removed: counts, and the citizen records it no longer refers to. */
export interface CaseAnonymisation {
  textsRedacted: number;
  /** The citizen record the case referred to; null when none. */
  citizenId: string | null;
  /** The contact the case was registered from; null when none. */
  contactId: string | null;
}

/** A case with its timeline, as a register extract lists it. */
export interface CaseWithTimeline {
  record: CaseRecord;
  events: CaseEventRecord[];
}

/** Keys of timeline data that hold personal data outright: removed, not redacted. */
const PERSONAL_DATA_KEYS = ['previousLocation', 'recipient'] as const;
/** Keys of timeline data that hold free text: redacted like the register. */
const TEXT_KEYS = ['previousDescription'] as const;

/**
 * The cases area's part of the personal-data lifecycle (docs/personal-data.md): finding the cases
 * retention makes due, removing a case's personal data (retention, erasure), and listing a
 * person's cases for a register extract. Anonymising is the one change of a timeline event after
 * it was written: the law (GDPR art. 5(1)(e), 17) asks that personal data go, and the record of
 * what happened, when and by whom stays. Statistics read only what is left unchanged: status,
 * times, department, type, channel, priority, and the citizen's gender, kept on the case.
 */
@Injectable()
export class CasePersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly citizens: CitizensService,
  ) {}

  /**
   * Closed cases whose personal data is still there and that closed before `closedBefore` (UTC),
   * ordered by id after `afterId`, at most `limit`. The caller applies each one's own rule.
   */
  async closedBefore(closedBefore: Date, afterId: string | null, limit: number): Promise<RetentionCandidate[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .select(['c.id', 'c.catalogCode', 'c.closedAt'])
      .where('c.status = :status', { status: 'closed' })
      .andWhere('c.anonymisedAt IS NULL')
      .andWhere('c.closedAt < :closedBefore', { closedBefore })
      .orderBy('c.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('c.id > :afterId', { afterId });
    const rows = await query.getMany();
    return rows.map((row) => ({ id: row.id, catalogCode: row.catalogCode, closedAt: row.closedAt as Date }));
  }

  /**
   * Confirmed duplicates whose original case has been anonymised and which still hold personal
   * data: a duplicate is handled through the case it repeats, so it is kept as long as that case.
   */
  async duplicatesOfAnonymised(limit: number): Promise<string[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .select('c.id', 'id')
      .innerJoin(Case, 'original', 'original.id = c.duplicateOfId')
      .where('c.status = :status', { status: 'duplicate' })
      .andWhere('c.anonymisedAt IS NULL')
      .andWhere('original.anonymisedAt IS NOT NULL')
      .orderBy('c.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /**
   * Removes the case's personal data inside the caller's transaction: the citizen link (the
   * citizen's gender is kept on the case), the location, and in the description and every timeline
   * text the personal data the register redacts, with the citizen's name and the address as the
   * case's parties. Null when the case was anonymised already.
   */
  async anonymise(manager: EntityManager, caseId: string, now: Date): Promise<CaseAnonymisation | null> {
    const target = await loadCaseForUpdate(manager, caseId);
    if (target.anonymisedAt) return null;
    const events = await manager.find(CaseEvent, { where: { caseId }, order: { id: 'ASC' } });
    const citizen = target.citizenId ? await this.citizens.find(target.citizenId, manager) : null;
    const addresses = [target.address, ...events.map((event) => locationAddress(event.data?.previousLocation))];
    const parties = { names: [citizen?.name], addresses };
    let textsRedacted = 1;
    await manager.update(
      Case,
      { id: caseId },
      {
        description: redact(target.description, parties),
        citizenId: null,
        citizenGender: citizen?.gender ?? null,
        address: null,
        postalCode: null,
        lat: null,
        lng: null,
        anonymisedAt: now,
      },
    );
    for (const event of events) {
      const changes = anonymisedEvent(event, parties);
      if (!changes) continue;
      textsRedacted += (event.reason ? 1 : 0) + (event.body ? 1 : 0);
      await manager.update(CaseEvent, { id: event.id }, changes as QueryDeepPartialEntity<CaseEvent>);
    }
    return { textsRedacted, citizenId: target.citizenId, contactId: target.contactId };
  }

  /**
   * The cases of these citizen records with their timelines, oldest first, for a register
   * extract or an erasure; the access policy does not apply: only an admin acting on the
   * person's request asks.
   */
  async ofCitizens(citizenIds: string[]): Promise<CaseWithTimeline[]> {
    if (citizenIds.length === 0) return [];
    const records = await this.dataSource.manager.find(Case, {
      where: { citizenId: In(citizenIds) },
      order: { receivedAt: 'ASC' },
    });
    if (records.length === 0) return [];
    const events = await this.dataSource.manager.find(CaseEvent, {
      where: { caseId: In(records.map((record) => record.id)) },
      order: { id: 'ASC' },
    });
    return records.map((record) => ({ record, events: events.filter((event) => event.caseId === record.id) }));
  }

  /** Of these citizen records, those a case not yet anonymised still refers to. */
  async citizensStillReferenced(manager: EntityManager, citizenIds: string[]): Promise<Set<string>> {
    if (citizenIds.length === 0) return new Set();
    const rows = await manager.find(Case, {
      select: { citizenId: true },
      where: { citizenId: In(citizenIds), anonymisedAt: IsNull() },
    });
    return new Set(rows.map((row) => row.citizenId as string));
  }
}

function locationAddress(location: unknown): string | null {
  if (typeof location !== 'object' || location === null) return null;
  const address = (location as { address?: unknown }).address;
  return typeof address === 'string' ? address : null;
}

/** The changes that take the personal data out of one timeline event; null when it holds none. */
function anonymisedEvent(
  event: CaseEvent,
  parties: Parameters<typeof redact>[1],
): Partial<Pick<CaseEvent, 'reason' | 'body' | 'data'>> | null {
  const changes: Partial<Pick<CaseEvent, 'reason' | 'body' | 'data'>> = {};
  if (event.reason) changes.reason = redact(event.reason, parties);
  if (event.body) changes.body = redact(event.body, parties);
  if (event.data) {
    const data = { ...event.data };
    let changed = false;
    for (const key of PERSONAL_DATA_KEYS)
      if (key in data) {
        data[key] = null;
        changed = true;
      }
    for (const key of TEXT_KEYS)
      if (typeof data[key] === 'string') {
        data[key] = redact(data[key], parties);
        changed = true;
      }
    if (changed) changes.data = data;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
