import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallbackListener } from '../callbacks/callback-listener';
import { owesCallback } from '../callbacks/callback-owed';
import { CallbacksService } from '../callbacks/callbacks.service';
import { ContactListener } from '../contacts/contact-listener';
import { ContactsService, ContactView } from '../contacts/contacts.service';
import { CallbackTargetPlanner } from './callback-target-planner.service';

/**
 * Hears contacts logged and callbacks made, inside the transaction that stores them: a
 * contact that owes a callback gets its due time, a callback made ends its checks.
 */
@Injectable()
export class CallbackTargetListener implements ContactListener, CallbackListener, OnModuleInit {
  constructor(
    private readonly contacts: ContactsService,
    private readonly callbacks: CallbacksService,
    private readonly planner: CallbackTargetPlanner,
  ) {}

  onModuleInit(): void {
    this.contacts.subscribe(this);
    this.callbacks.subscribe(this);
  }

  async contactLogged(manager: EntityManager, contact: ContactView): Promise<void> {
    if (owesCallback(contact.outcome)) await this.planner.plan(manager, contact);
  }

  async callbackMade(manager: EntityManager, made: { contactId: string; madeAt: Date }): Promise<void> {
    await this.planner.made(manager, made.contactId, made.madeAt);
  }
}
