import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChange, CaseHooks, CaseListener } from '../cases/case-hooks';
import { CaseEvent } from '../cases/entities/case-event.entity';
import { Case } from '../cases/entities/case.entity';
import { NotificationPlanner } from './notification-planner.service';

/**
 * Decides which messages a case's citizen gets, inside the case's own transaction:
 * a receipt at registration, a message when the case is resolved (also to the citizens
 * of its confirmed duplicates, who follow it), and each reply written to them.
 */
@Injectable()
export class NotificationsCaseListener implements CaseListener, OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly planner: NotificationPlanner,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async caseCreated(manager: EntityManager, created: Case): Promise<void> {
    // Imported history is not news to anyone.
    if (created.source !== 'live') return;
    await this.planner.plan(manager, created, { kind: 'receipt', topic: 'receipt' });
  }

  async caseChanged(manager: EntityManager, changed: Case, change: CaseChange): Promise<void> {
    if (change.action === 'resolve') await this.resolved(manager, changed);
    if (change.action === 'reply') await this.replied(manager, changed);
    if (change.action === 'duplicate') await this.confirmedDuplicate(manager, changed);
  }

  private async resolved(manager: EntityManager, resolved: Case): Promise<void> {
    // A receipt not yet handed to the queue (resolved on the spot, or the queue was down) is
    // overtaken: the resolution message carries the reference number too.
    await this.planner.withdraw(manager, resolved.id, 'receipt');
    const topic = resolutionTopic(resolved);
    await this.planner.plan(manager, resolved, { kind: 'resolution', topic });
    const duplicates = await manager.findBy(Case, { duplicateOfId: resolved.id, status: 'duplicate' });
    for (const duplicate of duplicates) await this.planner.plan(manager, duplicate, { kind: 'resolution', topic });
  }

  /**
   * The text of a confidential case stays out of e-mail, which is not a protected channel;
   * the citizen of such a case gets replies through the department's secure ways.
   */
  private async replied(manager: EntityManager, about: Case): Promise<void> {
    if (about.confidential) return;
    const reply = await manager.findOne(CaseEvent, {
      where: { caseId: about.id, type: 'reply' },
      order: { id: 'DESC' },
    });
    if (reply)
      await this.planner.plan(manager, about, { kind: 'reply', topic: `reply-${reply.id}`, replyEventId: reply.id });
  }

  /** A repeat confirmed after the original was already resolved: its citizen hears so now. */
  private async confirmedDuplicate(manager: EntityManager, duplicate: Case): Promise<void> {
    if (!duplicate.duplicateOfId) return;
    const original = await manager.findOneBy(Case, { id: duplicate.duplicateOfId });
    if (original && (original.status === 'resolved' || original.status === 'closed')) {
      await this.planner.plan(manager, duplicate, { kind: 'resolution', topic: resolutionTopic(original) });
    }
  }
}

/** The first resolution is `resolution`; after a reopening the next one is news again (`resolution-2`). */
function resolutionTopic(resolved: Case): string {
  return resolved.reopenCount > 0 ? `resolution-${resolved.reopenCount + 1}` : 'resolution';
}
