import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChange, CaseHooks, CaseListener } from '../cases/case-hooks';
import { Case } from '../cases/entities/case.entity';
import { newId } from '../common/ids';
import { OutboxService } from '../queue/outbox.service';
import { routeCaseJob } from './route-case.job';

/**
 * Asks for routing inside the case's own transaction (the outbox), so a case is never
 * stored without its routing job: at intake, and again whenever someone triages it by hand.
 */
@Injectable()
export class RoutingCaseListener implements CaseListener, OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async caseCreated(manager: EntityManager, created: Case): Promise<void> {
    if (created.status === 'new' || created.status === 'triaged')
      await this.outbox.enqueue(manager, routeCaseJob(created.id));
  }

  async caseChanged(manager: EntityManager, changed: Case, change: CaseChange): Promise<void> {
    // Each triage by a person is a request of its own; the intake key may still be held by the queue
    // as completed. The routing job's own triage (no actor) goes on to route in the same job.
    if (change.action === 'triage' && change.actorId !== null)
      await this.outbox.enqueue(manager, routeCaseJob(changed.id, `triage-${newId()}`));
    // Resolved on the spot in the intake transaction: the intake job has nothing left to do.
    if (change.toStatus === 'resolved' && (change.fromStatus === 'new' || change.fromStatus === 'triaged'))
      await this.outbox.withdraw(manager, routeCaseJob(changed.id).key);
  }
}
