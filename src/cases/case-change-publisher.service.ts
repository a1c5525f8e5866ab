import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CASE_LISTENER_ORDER, CaseChangeEvent, CaseListener, CaseListenerName } from './case-change';
import { CaseRecord, ServiceTargetState } from './case-record';

/**
 * Tells the listening areas of every case change, one after the other in CASE_LISTENER_ORDER,
 * inside the case's own transaction. Only CaseWorkflowService publishes.
 */
@Injectable()
export class CaseChangePublisher {
  private readonly listeners = new Map<CaseListenerName, CaseListener>();

  /** @throws Error when a listener of that name is already subscribed (a module loaded twice). */
  subscribe(listener: CaseListener): void {
    if (!CASE_LISTENER_ORDER.includes(listener.listenerName)) {
      throw new Error(`Case listener "${String(listener.listenerName)}" has no place in CASE_LISTENER_ORDER`);
    }
    if (this.listeners.has(listener.listenerName)) {
      throw new Error(`Case listener "${listener.listenerName}" is subscribed twice`);
    }
    this.listeners.set(listener.listenerName, listener);
  }

  /**
   * The fields the listeners store on a new case's row before it is written (CaseListener.beforeRegister),
   * merged in CASE_LISTENER_ORDER.
   */
  async registrationFields(manager: EntityManager, newCase: CaseRecord): Promise<Partial<ServiceTargetState>> {
    const fields: Partial<ServiceTargetState> = {};
    for (const name of CASE_LISTENER_ORDER) {
      const listener = this.listeners.get(name);
      if (listener?.beforeRegister) Object.assign(fields, await listener.beforeRegister(manager, newCase));
    }
    return fields;
  }

  async publish(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    for (const name of CASE_LISTENER_ORDER) {
      await this.listeners.get(name)?.onCaseChange(manager, event);
    }
  }
}
