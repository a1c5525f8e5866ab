import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { CaseAccess } from './entities/case-access.entity';
import { Case } from './entities/case.entity';

/**
 * The access log of confidential cases: who read one's content, when, and how. The one place
 * that writes it. Every read path that shows a confidential case's content to someone the
 * access policy lets read it records the read here; a redacted view is not a read.
 */
@Injectable()
export class CaseAccessLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records that `principal` read the content of these cases; cases that are not confidential
   * are left out. Inside `manager`'s transaction when given, else in a transaction of its own.
   */
  async record(
    principal: StaffPrincipal,
    cases: ReadonlyArray<{ id: string; confidential: boolean }>,
    access: CaseAccess['access'],
    manager?: EntityManager,
  ): Promise<void> {
    const caseIds = cases.filter((read) => read.confidential).map((read) => read.id);
    if (caseIds.length === 0) return;
    const at = this.clock.now();
    const rows = caseIds.map((caseId) => ({ caseId, userId: principal.id, access, at }));
    if (manager) await manager.insert(CaseAccess, rows);
    else await this.transactions.run((own) => own.insert(CaseAccess, rows));
  }

  /** @throws NotFoundError when there is no such case. */
  async list(caseId: string): Promise<CaseAccess[]> {
    if (!(await this.dataSource.manager.existsBy(Case, { id: caseId }))) throw new NotFoundError('Case', caseId);
    return this.dataSource.manager.find(CaseAccess, { where: { caseId }, order: { id: 'ASC' } });
  }
}
