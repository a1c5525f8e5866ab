import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CitizensService } from '../citizens/citizens.service';
import { NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { CaseAccessLog } from './case-access-log.service';
import { CaseEventRecord } from './case-record';
import { CaseView, RedactedCaseView, toCaseView, toRedactedCaseView } from './case.view';
import { ListCasesQuery } from './dto/list-cases-query.dto';
import { CaseAccess } from './entities/case-access.entity';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';

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
  ) {}

  /** @throws NotFoundError when there is no such case. */
  async get(principal: StaffPrincipal, id: string): Promise<CaseView | RedactedCaseView> {
    const found = await this.dataSource.manager.findOneBy(Case, { id });
    if (!found) throw new NotFoundError('Case', id);
    if (!AccessPolicy.mayReadContent(principal, found)) return toRedactedCaseView(found);
    await this.accessLog.record(principal, [found], 'read');
    const citizens = await this.citizens.views(this.dataSource.manager, found.citizenId ? [found.citizenId] : []);
    return toCaseView(found, found.citizenId ? (citizens.get(found.citizenId) ?? null) : null);
  }

  /** Cases received in [from, to) (UTC), newest first, filtered; confidential ones redacted for those who may not read them. */
  async list(principal: StaffPrincipal, query: ListCasesQuery): Promise<Page<CaseView | RedactedCaseView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(Case, 'c');
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.departmentCode)
      builder.andWhere('c.departmentCode = :departmentCode', { departmentCode: query.departmentCode });
    if (query.catalogCode) builder.andWhere('c.catalogCode = :catalogCode', { catalogCode: query.catalogCode });
    if (query.from) builder.andWhere('c.receivedAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('c.receivedAt < :to', { to: new Date(query.to) });
    if (query.text) this.whereTextMatches(builder, principal, query.text);
    const [rows, total] = await builder
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();

    const readable = rows.filter((row) => AccessPolicy.mayReadContent(principal, row));
    const citizens = await this.citizens.views(
      this.dataSource.manager,
      readable.map((r) => r.citizenId).filter((v): v is string => v !== null),
    );
    await this.accessLog.record(principal, readable, 'list');
    const items = rows.map((row) =>
      readable.includes(row)
        ? toCaseView(row, row.citizenId ? (citizens.get(row.citizenId) ?? null) : null)
        : toRedactedCaseView(row),
    );
    return { items, total, limit, offset };
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

  /**
   * A text search must not find confidential cases by their content for someone who
   * may not read them: the search itself would leak what they say.
   */
  private whereTextMatches(builder: SelectQueryBuilder<Case>, principal: StaffPrincipal, text: string): void {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    builder.andWhere("(LOWER(c.description) LIKE :pattern ESCAPE '\\' OR c.reference LIKE :pattern ESCAPE '\\')", {
      pattern,
    });
    const readable = AccessPolicy.readableContentCondition(principal, {
      confidential: 'c.confidential',
      departmentCode: 'c.departmentCode',
    });
    if (readable) builder.andWhere(readable.sql, readable.parameters);
  }
}
