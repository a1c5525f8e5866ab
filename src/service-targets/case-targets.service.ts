import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { AccessPolicy } from '../auth/access-policy';
import { CaseRecord } from '../cases/case-record';
import { CaseRecordsService } from '../cases/case-records.service';
import { NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { checksToSchedule } from './case-target-clock';
import { CaseTargetView, toCaseTargetView } from './case-target.view';
import { BreachesQuery } from './dto/breaches-query.dto';
import { CalendarService } from '../calendar/calendar.service';

/** A case on a department's breach list; a confidential case shows no catalog type outside its department. */
export interface BreachedCaseView {
  caseId: string;
  reference: string;
  status: string;
  departmentCode: string | null;
  catalogCode: string | null;
  priority: string;
  assigneeId: string | null;
  receivedAt: Date;
  firstResponseDueAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionBreachedAt: Date | null;
}

/** What managers and handlers read about the service targets of cases. */
@Injectable()
export class CaseTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRecordsService,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where each measure of the case stands, and the checks planned. @throws NotFoundError. */
  async plan(id: string): Promise<CaseTargetView> {
    const row = await this.cases.find(id);
    if (!row) throw new NotFoundError('Case', id);
    const checks = checksToSchedule(
      await this.calendars.current(this.dataSource.manager),
      row,
      this.config.serviceTargets.warningShare,
    );
    return toCaseTargetView(row, checks);
  }

  /**
   * Cases that missed a target, the earliest breach first; open cases only unless asked. A
   * confidential case shows no catalog type to those the access policy does not let read it.
   *
   * @throws ForbiddenError when the principal may not see the department asked for.
   */
  async breaches(principal: StaffPrincipal, query: BreachesQuery): Promise<Page<BreachedCaseView>> {
    const page = await this.cases.breached({
      departmentCodes: AccessPolicy.departmentsInView(principal, query.departmentCode),
      includeClosed: Boolean(query.includeClosed),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return {
      ...page,
      items: page.items.map((row) => toBreachedCaseView(row, AccessPolicy.mayReadContent(principal, row))),
    };
  }
}

function toBreachedCaseView(row: CaseRecord, readable: boolean): BreachedCaseView {
  return {
    caseId: row.id,
    reference: row.reference,
    status: row.status,
    departmentCode: row.departmentCode,
    catalogCode: readable ? row.catalogCode : null,
    priority: row.priority,
    assigneeId: row.assigneeId,
    receivedAt: row.receivedAt,
    firstResponseDueAt: row.firstResponseDueAt,
    firstResponseBreachedAt: row.firstResponseBreachedAt,
    resolutionDueAt: row.resolutionDueAt,
    resolutionBreachedAt: row.resolutionBreachedAt,
  };
}
