import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAction, CaseStatus } from './case-lifecycle';
import { Case } from './entities/case.entity';

/** What just happened to a case, as other areas hear of it. */
export interface CaseChange {
  /** A lifecycle action, or `reply` for a reply to the citizen. */
  action: CaseAction | 'reply';
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  actorId: string | null;
  at: Date;
}

/**
 * Listens to cases from another area (routing, notifications, service targets). It runs
 * inside the case's own transaction, so what it writes (an outbox job, a due time) is
 * committed together with the change, or not at all.
 */
export interface CaseListener {
  caseCreated?(manager: EntityManager, created: Case): Promise<void>;
  caseChanged?(manager: EntityManager, changed: Case, change: CaseChange): Promise<void>;
}

/** Where areas register their listeners, so the cases area need not know them. */
@Injectable()
export class CaseHooks {
  private readonly listeners: CaseListener[] = [];

  register(listener: CaseListener): void {
    this.listeners.push(listener);
  }

  async created(manager: EntityManager, created: Case): Promise<void> {
    for (const listener of this.listeners) await listener.caseCreated?.(manager, created);
  }

  async changed(manager: EntityManager, changed: Case, change: CaseChange): Promise<void> {
    for (const listener of this.listeners) await listener.caseChanged?.(manager, changed, change);
  }
}
