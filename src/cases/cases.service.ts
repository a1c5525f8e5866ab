import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CitizensService } from '../citizens/citizens.service';
import { NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { CaseAccessLog } from './case-access-log.service';
import { OPEN_STATUSES } from './case-lifecycle';
import { CaseEventRecord, CaseRecord } from './case-record';
import { CaseView, RedactedCaseView, toCaseView, toRedactedCaseView } from './case.view';
import { ListCasesQuery } from './dto/list-cases-query.dto';
import { CaseAccess } from './entities/case-access.entity';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { CalendarService } from '../calendar/calendar.service';

/**
 * What staff read of cases: one case, lists and searches, a case's timeline and its access log.
 * Every answer goes through the access policy: a confidential case whose content the reader
 * may not read comes redacted, and every read of such content is logged (CaseAccessLog).
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly citizens: CitizensService,
    private readonly accessLog: CaseAccessLog,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * One case, by its id or by its reference number (`2026-000541`, as the citizen quotes it).
   *
   * @throws NotFoundError when there is no such case.
   */
  async get(principal: StaffPrincipal, idOrReference: string): Promise<CaseView | RedactedCaseView> {
    const byReference = /^\d{4}-\d{6}$/.test(idOrReference);
    const found = await this.dataSource.manager.findOneBy(
      Case,
      byReference ? { reference: idOrReference } : { id: idOrReference },
    );
    if (!found) throw new NotFoundError('Case', idOrReference);
    return (await this.viewsFor(principal, [found], 'read'))[0];
  }

  /** Cases received in [from, to) (UTC), newest first, filtered; confidential ones redacted for those who may not read them. */
  async list(principal: StaffPrincipal, query: ListCasesQuery): Promise<Page<CaseView | RedactedCaseView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(Case, 'c');
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.departmentCode)
      builder.andWhere('c.departmentCode = :departmentCode', { departmentCode: query.departmentCode });
    if (query.assignee) {
      builder.andWhere('c.assigneeId = :assignee', {
        assignee: query.assignee === 'me' ? principal.id : query.assignee,
      });
    }
    if (query.open === 'true') builder.andWhere('c.status IN (:...open)', { open: OPEN_STATUSES });
    if (query.from)
      builder.andWhere('c.receivedAt >= :from', { from: await this.calendar.instant('from', query.from) });
    if (query.to) builder.andWhere('c.receivedAt < :to', { to: await this.calendar.instant('to', query.to) });
    // A filter on what a redacted case hides (its type, its text) finds only cases the reader may
    // read: matching it would tell what the hidden field says.
    if (query.catalogCode) builder.andWhere('c.catalogCode = :catalogCode', { catalogCode: query.catalogCode });
    if (query.text) this.whereTextMatches(builder, query.text);
    if (query.catalogCode || query.text) this.whereReadable(builder, principal);
    const total = await builder.getCount();
    const rows = await this.pageOf(builder, limit, offset);
    return { items: await this.viewsFor(principal, rows, 'list'), total, limit, offset };
  }

  /**
   * The page of the builder's cases, newest first (then by id): the page's ids first, then the
   * rows of those alone. Sorted with their whole rows, the open cases of a million (some 100,000)
   * took 350 ms on SQLite to give 50; their ids alone are read from the index of open cases by
   * status, which holds the id, and sorted with nothing else, in 16 ms (docs/performance.md).
   */
  private async pageOf(builder: SelectQueryBuilder<Case>, limit: number, offset: number): Promise<Case[]> {
    const page = await builder
      .clone()
      .select('c.id', 'id')
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .offset(offset)
      .getRawMany<{ id: string }>();
    if (page.length === 0) return [];
    const rows = await this.dataSource.manager.findBy(Case, { id: In(page.map((row) => row.id)) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A case deleted between the two reads is left out of the page.
    return page.map((row) => byId.get(row.id)).filter((row): row is Case => row !== undefined);
  }

  /**
   * The cases of these citizens' registrations that `principal` may read, newest first. A case
   * whose content the access policy hides is left out, not shown redacted: beside a person's name
   * its existence would tell what it is about. Listing confidential content is logged as `list`.
   */
  async listOfCitizens(principal: StaffPrincipal, citizenIds: string[], limit = 50): Promise<CaseView[]> {
    if (citizenIds.length === 0) return [];
    const builder = this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .where('c.citizenId IN (:...citizenIds)', { citizenIds });
    this.whereReadable(builder, principal);
    const rows = await builder.orderBy('c.receivedAt', 'DESC').addOrderBy('c.id', 'ASC').take(limit).getMany();
    return (await this.viewsFor(principal, rows, 'list')).filter((view): view is CaseView => !('redacted' in view));
  }

  /**
   * Cases as `principal` may see them, in the order given: redacted when the access policy does
   * not let them read the content, without the citizen's personal data when it does not let them
   * see that; reads of confidential content are recorded as `access` (inside `manager`'s
   * transaction when given).
   */
  async viewsFor(
    principal: StaffPrincipal,
    rows: readonly CaseRecord[],
    access: CaseAccess['access'],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<CaseView | RedactedCaseView>> {
    const readable = rows.filter((row) => AccessPolicy.mayReadContent(principal, row));
    const withPersonalData = readable.filter((row) => AccessPolicy.mayReadPersonalData(principal, row));
    const citizens = await this.citizens.views(
      manager,
      withPersonalData.map((row) => row.citizenId).filter((citizenId): citizenId is string => citizenId !== null),
    );
    await this.accessLog.record(principal, readable, access, manager.queryRunner ? manager : undefined);
    return rows.map((row) => {
      if (!readable.includes(row)) return toRedactedCaseView(row);
      if (row.citizenId === null) return toCaseView(row, null);
      if (!withPersonalData.includes(row)) return toCaseView(row, 'withheld');
      return toCaseView(row, citizens.get(row.citizenId) ?? null);
    });
  }

  /**
   * The case's timeline, oldest first. For a reader who may not read the case's content the
   * steps stay visible (who, when, which action), what was written and why does not.
   *
   * @throws NotFoundError when there is no such case.
   */
  async timeline(principal: StaffPrincipal, id: string): Promise<CaseEventRecord[]> {
    const found = await this.dataSource.manager.findOneBy(Case, { id });
    if (!found) throw new NotFoundError('Case', id);
    const events = await this.dataSource.manager.find(CaseEvent, { where: { caseId: id }, order: { id: 'ASC' } });
    if (!AccessPolicy.mayReadContent(principal, found)) {
      return events.map((event) => ({ ...event, reason: null, body: null, data: null }));
    }
    await this.accessLog.record(principal, [found], 'timeline');
    return events;
  }

  /** Who read the case's content, and when. @throws NotFoundError when there is no such case. */
  accessLogOf(id: string): Promise<CaseAccess[]> {
    return this.accessLog.list(id);
  }

  private whereTextMatches(builder: SelectQueryBuilder<Case>, text: string): void {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    builder.andWhere("(LOWER(c.description) LIKE :pattern ESCAPE '\\' OR c.reference LIKE :pattern ESCAPE '\\')", {
      pattern,
    });
  }

  private whereReadable(builder: SelectQueryBuilder<Case>, principal: StaffPrincipal): void {
    const readable = AccessPolicy.readableContentCondition(principal, {
      confidential: 'c.confidential',
      departmentCode: 'c.departmentCode',
    });
    if (readable) builder.andWhere(readable.sql, readable.parameters);
  }
}
