import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CaseAccessLog } from '../cases/case-access-log.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CaseView } from '../cases/case.view';
import { inboxDueAt } from '../cases/inbox-order';
import { Clock } from '../common/clock';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganisationService } from '../organisation/organisation.service';
import { InboxItem, toInboxItem } from './inbox-item.view';
import { dueStateOf } from './due-state';
import { AT_SERVICE_CENTER_STATUSES, CLAIMABLE_STATUSES } from './inbox-scope';

/** A department's inbox: the cases waiting for its handlers, most urgent first, and "give me the next one". */
@Injectable()
export class DepartmentInboxService {
  constructor(
    private readonly cases: CaseRecordsService,
    private readonly workflow: CaseWorkflowService,
    private readonly accessLog: CaseAccessLog,
    private readonly organisation: OrganisationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A page of the inbox. Confidential cases the reader may not read come without their content;
   * listing those they may read is logged as a read.
   *
   * @throws NotFoundError for an unknown department; ForbiddenError when the access policy refuses.
   */
  async list(
    principal: StaffPrincipal,
    departmentCode: string,
    page: { limit?: number; offset?: number },
  ): Promise<Page<InboxItem>> {
    await this.requireDepartment(departmentCode);
    const serviceCenter = this.config.routing.serviceCenterDepartment;
    const refusal = AccessPolicy.inboxRefusal(principal, departmentCode, serviceCenter);
    if (refusal) throw new ForbiddenError(refusal);
    const { items, total, limit, offset } = await this.cases.inbox(
      {
        departmentCode,
        claimable: CLAIMABLE_STATUSES,
        alsoInStatuses: departmentCode === serviceCenter ? AT_SERVICE_CENTER_STATUSES : undefined,
      },
      { limit: page.limit ?? 50, offset: page.offset ?? 0 },
    );
    const readable = items.filter((row) => AccessPolicy.mayReadContent(principal, row));
    await this.accessLog.record(principal, readable, 'list');
    const now = this.clock.now();
    return {
      items: items.map((row) =>
        toInboxItem(
          row,
          readable.includes(row),
          inboxDueAt(row),
          dueStateOf(
            {
              dueAt: inboxDueAt(row),
              warnedAt: row.resolutionWarnedAt,
              breachedAt: row.resolutionBreachedAt,
              pausedAt: row.targetPausedAt,
            },
            now,
          ),
        ),
      ),
      total,
      limit,
      offset,
    };
  }

  /**
   * Claims the next case of the inbox for the caller (see CaseWorkflowService.claimNext); null when empty.
   *
   * @throws NotFoundError for an unknown department; ForbiddenError when the caller may not claim there.
   */
  async claimNext(principal: StaffPrincipal, departmentCode: string): Promise<CaseView | null> {
    await this.requireDepartment(departmentCode);
    return this.workflow.claimNext(principal, departmentCode, CLAIMABLE_STATUSES);
  }

  private async requireDepartment(code: string): Promise<void> {
    if (!(await this.organisation.departmentExists(code))) throw new NotFoundError('Department', code);
  }
}
