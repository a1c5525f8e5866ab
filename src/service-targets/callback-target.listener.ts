import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { Contact } from '../contacts/entities/contact.entity';
import { owesCallback } from '../callbacks/callback-owed';
import { CallbackTargetPlanner } from './callback-target-planner.service';
import { ContactCallback } from '../callbacks/entities/contact-callback.entity';

/**
 * Hears contacts and callbacks being stored, inside the transaction that stores them: a
 * contact that owes a callback gets its due time, a callback made takes back its checks. The
 * contacts area has no hooks of its own, and this keeps it unaware of service targets.
 */
@Injectable()
export class CallbackTargetSubscriber implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: CallbackTargetPlanner,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<unknown>): Promise<void> {
    if (event.metadata.target === Contact) {
      const contact = event.entity as Contact;
      if (owesCallback(contact.outcome)) await this.planner.plan(event.manager, contact);
    } else if (event.metadata.target === ContactCallback) {
      await this.planner.made(event.manager, (event.entity as ContactCallback).contactId);
    }
  }
}
