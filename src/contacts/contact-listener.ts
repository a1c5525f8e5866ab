import { EntityManager } from 'typeorm';
import type { ContactView } from './contacts.service';

/**
 * Hears every contact logged, inside the transaction that stores it, so what it writes (a
 * callback's due time and its checks) is committed with the contact or not at all.
 */
export interface ContactListener {
  contactLogged(manager: EntityManager, contact: ContactView): Promise<void>;
}
