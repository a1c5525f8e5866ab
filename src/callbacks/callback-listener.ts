import { EntityManager } from 'typeorm';

/** Hears every callback recorded as made, inside the transaction that records it. `madeAt` is UTC. */
export interface CallbackListener {
  callbackMade(manager: EntityManager, made: { contactId: string; madeAt: Date }): Promise<void>;
}
