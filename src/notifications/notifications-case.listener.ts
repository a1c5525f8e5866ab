import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { CaseRecord } from '../cases/case-record';
import { CaseRecordsService } from '../cases/case-records.service';
import { replyWasSent } from '../cases/reply-delivery';
import { NotificationPlanner } from './notification-planner.service';

/**
 * Decides which messages a case's citizen gets, inside the case's own transaction:
 * a receipt at registration, a message when the case is resolved (also to the citizens
 * of its confirmed duplicates, who follow it), and each reply written to them.
 */
@Injectable()
export class NotificationsCaseListener implements CaseListener, OnModuleInit {
  readonly listenerName = 'notifications';

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly cases: CaseRecordsService,
    private readonly planner: NotificationPlanner,
  ) {}

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    // Imported history is not news to anyone; it is never published anyway.
    if (event.action === 'register' && event.case.source === 'live') {
      await this.planner.plan(manager, event.case, { kind: 'receipt', topic: 'receipt' });
    }
    if (event.action === 'resolve') await this.resolved(manager, event.case);
    if (event.action === 'reply') await this.replied(manager, event.case);
    if (event.action === 'duplicate') await this.confirmedDuplicate(manager, event.case);
  }

  /**
   * The resolution message carries the answer given when resolving (the reason of the status
   * change to resolved), to the case's citizen and to the citizens of its duplicates.
   */
  private async resolved(manager: EntityManager, resolved: CaseRecord): Promise<void> {
    // A receipt not yet handed to the queue (resolved on the spot, or the queue was down) is
    // overtaken: the resolution message carries the reference number too.
    await this.planner.withdraw(manager, resolved.id, 'receipt');
    const topic = resolutionTopic(resolved);
    const eventId = await this.resolutionEventId(manager, resolved.id);
    await this.planner.plan(manager, resolved, { kind: 'resolution', topic, eventId });
    for (const duplicate of await this.cases.duplicatesOf(manager, resolved.id)) {
      await this.planner.plan(manager, duplicate, { kind: 'resolution', topic, eventId });
    }
  }

  /**
   * A reply goes out when it was written to be sent (its `data.delivery`, decided by the cases
   * area's one rule, reply-delivery.ts): not to a citizen without contact details, and not the
   * text of a confidential case, which stays out of e-mail and SMS.
   */
  private async replied(manager: EntityManager, about: CaseRecord): Promise<void> {
    const reply = await this.cases.latestEvent(manager, about.id, { type: 'reply' });
    if (reply && replyWasSent(reply.data)) {
      await this.planner.plan(manager, about, { kind: 'reply', topic: `reply-${reply.id}`, eventId: reply.id });
    }
  }

  /** A repeat confirmed after the original was already resolved: its citizen hears so now, with the answer. */
  private async confirmedDuplicate(manager: EntityManager, duplicate: CaseRecord): Promise<void> {
    if (!duplicate.duplicateOfId) return;
    const original = await this.cases.find(duplicate.duplicateOfId, manager);
    if (original && (original.status === 'resolved' || original.status === 'closed')) {
      const eventId = await this.resolutionEventId(manager, original.id);
      await this.planner.plan(manager, duplicate, { kind: 'resolution', topic: resolutionTopic(original), eventId });
    }
  }

  private async resolutionEventId(manager: EntityManager, caseId: string): Promise<number | undefined> {
    return (await this.cases.latestEvent(manager, caseId, { type: 'status', toStatus: 'resolved' }))?.id;
  }
}

/** The first resolution is `resolution`; after a reopening the next one is news again (`resolution-2`). */
function resolutionTopic(resolved: CaseRecord): string {
  return resolved.reopenCount > 0 ? `resolution-${resolved.reopenCount + 1}` : 'resolution';
}
