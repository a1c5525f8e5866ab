import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { newId } from '../common/ids';
import { OutboxService } from '../queue/outbox.service';
import { routeCaseJob } from './route-case.job';

/**
 * Asks for routing inside the case's own transaction (the outbox), so a case is never
 * stored without its routing job: at intake, and again whenever someone triages it by hand.
 */
@Injectable()
export class RoutingCaseListener implements CaseListener, OnModuleInit {
  readonly listenerName = 'routing';

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    if (event.action === 'register') {
      if (event.toStatus === 'new' || event.toStatus === 'triaged')
        await this.outbox.enqueue(manager, routeCaseJob(event.case.id));
      return;
    }
    // Each triage by a person is a request of its own; the intake key may still be held by the queue
    // as completed. The routing job's own triage (no actor) goes on to route in the same job.
    if (event.action === 'triage' && event.actorId !== null) {
      await this.outbox.enqueue(manager, routeCaseJob(event.case.id, `triage-${newId()}`));
    }
    // Resolved on the spot in the intake transaction: the intake job has nothing left to do.
    if (event.toStatus === 'resolved' && (event.fromStatus === 'new' || event.fromStatus === 'triaged')) {
      await this.outbox.withdraw(manager, routeCaseJob(event.case.id).key);
    }
  }
}
