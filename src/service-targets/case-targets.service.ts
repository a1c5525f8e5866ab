import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { OPEN_STATUSES } from '../cases/case-lifecycle';
import { mayReadContent } from '../cases/confidentiality';
import { Case } from '../cases/entities/case.entity';
import { NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { checksToSchedule } from './case-target-clock';
import { CaseTargetView, toCaseTargetView } from './case-target.view';
import { visibleDepartments } from './department-scope';
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
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(id: string): Promise<CaseTargetView> {
    const row = await this.dataSource.manager.findOneBy(Case, { id });
    if (!row) throw new NotFoundError('Case', id);
    const checks = checksToSchedule(
      await this.calendars.current(this.dataSource.manager),
      row,
      this.config.serviceTargets.warningShare,
    );
    return toCaseTargetView(row, checks);
  }

  /** Cases that missed a target, the earliest breach first; open cases only unless asked. */
  async breaches(principal: StaffPrincipal, query: BreachesQuery): Promise<Page<BreachedCaseView>> {
    const departments = visibleDepartments(principal, query.departmentCode);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .where(
        new Brackets((either) =>
          either.where('c.firstResponseBreachedAt IS NOT NULL').orWhere('c.resolutionBreachedAt IS NOT NULL'),
        ),
      );
    if (departments) builder.andWhere('c.departmentCode IN (:...departments)', { departments });
    if (!query.includeClosed) builder.andWhere('c.status IN (:...open)', { open: OPEN_STATUSES });
    const firstBreach = 'COALESCE(c.first_response_breached_at, c.resolution_breached_at)';
    const [rows, total] = await builder
      .orderBy(firstBreach, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: rows.map((row) => toBreachedCaseView(row, mayReadContent(principal, row))), total, limit, offset };
  }
}

function toBreachedCaseView(row: Case, readable: boolean): BreachedCaseView {
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
