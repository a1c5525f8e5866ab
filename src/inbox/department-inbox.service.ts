import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CaseHooks } from '../cases/case-hooks';
import { nextStatus } from '../cases/case-lifecycle';
import { refusalFor } from '../cases/case-permissions';
import { appendCaseEvent } from '../cases/case-timeline';
import { CaseView, toCaseView } from '../cases/case.view';
import { mayReadContent } from '../cases/confidentiality';
import { CaseAccess } from '../cases/entities/case-access.entity';
import { Case } from '../cases/entities/case.entity';
import { Clock } from '../common/clock';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { Department } from '../organisation/entities/department.entity';
import { InboxItem, toInboxItem } from './inbox-item.view';
import { inboxDueAt, orderByInboxUrgency } from './inbox-order';
import { AT_SERVICE_CENTER_STATUSES, CLAIMABLE_STATUSES, inboxViewRefusal } from './inbox-scope';

/** A claim that lost its case to another claim at the last moment tries the next case, this many times. */
const CLAIM_TRIES = 5;

/** A department's inbox: the cases waiting for its handlers, most urgent first, and "give me the next one". */
@Injectable()
export class DepartmentInboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly hooks: CaseHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    principal: StaffPrincipal,
    departmentCode: string,
    page: { limit?: number; offset?: number },
  ): Promise<Page<InboxItem>> {
    await this.requireDepartment(departmentCode);
    const refusal = inboxViewRefusal(principal, departmentCode, this.config.routing.serviceCenterDepartment);
    if (refusal) throw new ForbiddenError(refusal);
    const limit = page.limit ?? 50;
    const offset = page.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(Case, 'c');
    if (departmentCode === this.config.routing.serviceCenterDepartment) {
      builder.where(
        new Brackets((either) =>
          either
            .where('(c.departmentCode = :departmentCode AND c.status IN (:...claimable))', {
              departmentCode,
              claimable: CLAIMABLE_STATUSES,
            })
            .orWhere('c.status IN (:...atServiceCenter)', { atServiceCenter: AT_SERVICE_CENTER_STATUSES }),
        ),
      );
    } else {
      builder.where('c.departmentCode = :departmentCode AND c.status IN (:...claimable)', {
        departmentCode,
        claimable: CLAIMABLE_STATUSES,
      });
    }
    const [rows, total] = await orderByInboxUrgency(builder, 'c').take(limit).skip(offset).getManyAndCount();
    const confidentialRead = rows
      .filter((row) => row.confidential && mayReadContent(principal, row))
      .map((row) => row.id);
    await this.recordAccess(principal, confidentialRead);
    return {
      items: rows.map((row) => toInboxItem(row, mayReadContent(principal, row), inboxDueAt(row))),
      total,
      limit,
      offset,
    };
  }

  /**
   * Gives the calling handler the next case of the inbox, atomically: two handlers asking
   * at once never get the same case, and neither is told "empty" while a case is left.
   * On PostgreSQL the candidate row is locked and rows other claims hold are skipped
   * (FOR UPDATE SKIP LOCKED); on SQLite the transactions run one at a time. The claim
   * itself is a conditional update, so a case someone took by another way is passed over.
   */
  async claimNext(principal: StaffPrincipal, departmentCode: string): Promise<CaseView | null> {
    await this.requireDepartment(departmentCode);
    const refusal = refusalFor(principal, 'claim', { status: 'routed', departmentCode });
    if (refusal) throw new ForbiddenError(refusal);
    return this.transactions.run(async (manager) => {
      for (let tries = 0; tries < CLAIM_TRIES; tries += 1) {
        const candidate = await this.nextCandidate(manager, departmentCode);
        if (!candidate) return null;
        const claimed = await this.claim(manager, principal, candidate);
        if (claimed) return claimed;
      }
      return null;
    });
  }

  private nextCandidate(manager: EntityManager, departmentCode: string): Promise<Case | null> {
    const builder = manager
      .createQueryBuilder(Case, 'c')
      .where('c.departmentCode = :departmentCode AND c.status IN (:...claimable)', {
        departmentCode,
        claimable: CLAIMABLE_STATUSES,
      });
    orderByInboxUrgency(builder, 'c').limit(1);
    if (manager.connection.options.type === 'postgres') builder.setLock('pessimistic_write').setOnLocked('skip_locked');
    return builder.getOne();
  }

  private async claim(manager: EntityManager, principal: StaffPrincipal, candidate: Case): Promise<CaseView | null> {
    const toStatus = nextStatus(candidate.status, 'claim');
    const result = await manager
      .createQueryBuilder()
      .update(Case)
      .set({ status: toStatus, assigneeId: principal.id })
      .where('id = :id AND status = :status', { id: candidate.id, status: candidate.status })
      .execute();
    if (result.affected !== 1) return null;
    const now = this.clock.now();
    await appendCaseEvent(manager, {
      caseId: candidate.id,
      type: 'status',
      actorId: principal.id,
      at: now,
      fromStatus: candidate.status,
      toStatus,
      data: { action: 'claim', assigneeId: principal.id, via: 'inbox' },
    });
    const claimed = await manager.findOneByOrFail(Case, { id: candidate.id });
    // Other areas (service targets, notifications) hear of this claim as of one made by the claim action.
    await this.hooks.changed(manager, claimed, {
      action: 'claim',
      fromStatus: candidate.status,
      toStatus,
      actorId: principal.id,
      at: now,
    });
    if (claimed.confidential)
      await manager.insert(CaseAccess, { caseId: claimed.id, userId: principal.id, access: 'read', at: now });
    return toCaseView(claimed, null);
  }

  private async requireDepartment(code: string): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(Department, { code }))) throw new NotFoundError('Department', code);
  }

  /** Listing confidential cases with their content is an access like reading them. */
  private async recordAccess(principal: StaffPrincipal, caseIds: string[]): Promise<void> {
    if (caseIds.length === 0) return;
    const at = this.clock.now();
    await this.transactions.run((manager) =>
      manager.insert(
        CaseAccess,
        caseIds.map((caseId) => ({ caseId, userId: principal.id, access: 'list' as const, at })),
      ),
    );
  }
}
