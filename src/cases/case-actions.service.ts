import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CatalogEntry } from '../catalog/entities/catalog-entry.entity';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { Department } from '../organisation/entities/department.entity';
import { CaseAction, nextStatus } from './case-lifecycle';
import { CaseHooks } from './case-hooks';
import { refusalFor } from './case-permissions';
import { appendCaseEvent, loadCaseForUpdate } from './case-timeline';
import { CaseView, toCaseView } from './case.view';
import { mayReadContent } from './confidentiality';
import { CaseActionDto } from './dto/case-action.dto';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { readabilityIndex } from './readability';

/** One lifecycle step on one case: checked, applied and written to the timeline in one transaction. */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly hooks: CaseHooks,
  ) {}

  act(principal: StaffPrincipal, id: string, action: CaseAction, input: CaseActionDto): Promise<CaseView> {
    return this.transactions.run(async (manager) => {
      const target = await loadCaseForUpdate(manager, id);
      const refusal = refusalFor(principal, action, target);
      if (refusal) throw new ForbiddenError(refusal);
      const fromStatus = target.status;
      const toStatus = nextStatus(fromStatus, action, target.statusBeforeWaiting);
      const now = this.clock.now();
      const data = await this.apply(manager, principal, target, action, input, now);
      target.status = toStatus;
      await manager.save(target);
      await appendCaseEvent(manager, {
        caseId: target.id,
        type: 'status',
        actorId: principal.id,
        at: now,
        fromStatus,
        toStatus,
        reason: input.reason ?? null,
        data: { action, ...data },
      });
      await this.hooks.changed(manager, target, { action, fromStatus, toStatus, actorId: principal.id, at: now });
      return toCaseView(target, null);
    });
  }

  note(principal: StaffPrincipal, id: string, body: string): Promise<CaseEvent> {
    return this.write(principal, id, (manager, target, now) =>
      appendCaseEvent(manager, { caseId: target.id, type: 'note', actorId: principal.id, at: now, body }),
    );
  }

  /** A reply to the citizen; the first one is the case's first response. Its readability (LIX) is kept with it. */
  reply(principal: StaffPrincipal, id: string, body: string): Promise<CaseEvent> {
    return this.write(principal, id, async (manager, target, now) => {
      if (target.firstResponseAt === null) {
        target.firstResponseAt = now;
        await manager.save(target);
      }
      const event = await appendCaseEvent(manager, {
        caseId: target.id,
        type: 'reply',
        actorId: principal.id,
        at: now,
        body,
        data: { lix: readabilityIndex(body) },
      });
      await this.hooks.changed(manager, target, {
        action: 'reply',
        fromStatus: target.status,
        toStatus: target.status,
        actorId: principal.id,
        at: now,
      });
      return event;
    });
  }

  private write(
    principal: StaffPrincipal,
    id: string,
    work: (manager: EntityManager, target: Case, now: Date) => Promise<CaseEvent>,
  ): Promise<CaseEvent> {
    return this.transactions.run(async (manager) => {
      const target = await loadCaseForUpdate(manager, id);
      if (!mayReadContent(principal, target)) throw new ForbiddenError('This case is confidential to its department');
      if (
        principal.role === 'handler' &&
        !(target.departmentCode && principal.departmentCodes.includes(target.departmentCode))
      ) {
        throw new ForbiddenError('A handler may only write on cases of their own departments');
      }
      return work(manager, target, this.clock.now());
    });
  }

  /** What each action changes besides the status; returns what the timeline should remember. */
  private async apply(
    manager: EntityManager,
    principal: StaffPrincipal,
    target: Case,
    action: CaseAction,
    input: CaseActionDto,
    now: Date,
  ): Promise<Record<string, unknown>> {
    switch (action) {
      case 'triage':
        return this.triage(manager, target, input);
      case 'route': {
        const departmentCode = input.departmentCode ?? target.departmentCode;
        if (!departmentCode)
          throw new InvalidInputError([
            'departmentCode: the case has no catalog type; say which department to route it to',
          ]);
        await this.requireDepartment(manager, departmentCode);
        const previous = target.departmentCode;
        Object.assign(target, { departmentCode, assigneeId: null });
        return { departmentCode, previousDepartmentCode: previous };
      }
      case 'claim':
        target.assigneeId = principal.id;
        return { assigneeId: principal.id };
      case 'wait':
        target.statusBeforeWaiting = target.status;
        return {};
      case 'resume':
        target.statusBeforeWaiting = null;
        return {};
      case 'return': {
        this.requireReason(input, 'return');
        const from = target.departmentCode;
        Object.assign(target, { assigneeId: null, returnCount: target.returnCount + 1 });
        return { returnedFromDepartmentCode: from };
      }
      case 'transfer': {
        this.requireReason(input, 'transfer');
        if (!input.departmentCode)
          throw new InvalidInputError(['departmentCode: say which department to transfer the case to']);
        if (input.departmentCode === target.departmentCode)
          throw new InvalidInputError(['departmentCode: the case is already with that department']);
        await this.requireDepartment(manager, input.departmentCode);
        const from = target.departmentCode;
        Object.assign(target, { departmentCode: input.departmentCode, assigneeId: null });
        return { departmentCode: input.departmentCode, previousDepartmentCode: from };
      }
      case 'resolve':
        Object.assign(target, {
          resolvedAt: now,
          firstResponseAt: target.firstResponseAt ?? now,
          statusBeforeWaiting: null,
        });
        return {};
      case 'close':
        target.closedAt = now;
        return {};
      case 'reopen':
        Object.assign(target, { resolvedAt: null, closedAt: null, reopenCount: target.reopenCount + 1 });
        return {};
      case 'duplicate':
        return this.markDuplicate(manager, target, input);
    }
  }

  private async triage(manager: EntityManager, target: Case, input: CaseActionDto): Promise<Record<string, unknown>> {
    const code = input.catalogCode ?? target.catalogCode;
    if (!code) throw new InvalidInputError(['catalogCode: say which catalog type the case is']);
    const entry = await manager.findOneBy(CatalogEntry, { code });
    if (!entry || !entry.active) throw new InvalidInputError([`catalogCode: unknown catalog entry "${code}"`]);
    const previousCatalogCode = target.catalogCode;
    Object.assign(target, {
      catalogCode: entry.code,
      departmentCode: entry.departmentCode,
      priority: input.priority ?? target.priority,
      confidential: target.confidential || entry.confidential,
    });
    // A person setting or correcting the type is what the triage classifier learns from.
    return { catalogCode: entry.code, previousCatalogCode, catalogSetBy: 'staff', priority: target.priority };
  }

  private async markDuplicate(
    manager: EntityManager,
    target: Case,
    input: CaseActionDto,
  ): Promise<Record<string, unknown>> {
    if (!input.duplicateOf)
      throw new InvalidInputError(['duplicateOf: say which case this one repeats (id or reference)']);
    const original = await manager.findOne(Case, {
      where: [{ id: input.duplicateOf }, { reference: input.duplicateOf }],
    });
    if (!original) throw new NotFoundError('Case', input.duplicateOf);
    if (original.id === target.id) throw new InvalidInputError(['duplicateOf: a case cannot repeat itself']);
    if (original.status === 'duplicate')
      throw new ConflictError(`Case ${original.reference} is itself a duplicate; link to the case it repeats`);
    target.duplicateOfId = original.id;
    return { duplicateOfId: original.id, duplicateOfReference: original.reference };
  }

  private requireReason(input: CaseActionDto, action: CaseAction): void {
    if (!input.reason?.trim()) throw new InvalidInputError([`reason: say why you ${action} the case`]);
  }

  private async requireDepartment(manager: EntityManager, code: string): Promise<void> {
    if (!(await manager.existsBy(Department, { code })))
      throw new InvalidInputError([`departmentCode: unknown department "${code}"`]);
  }
}
