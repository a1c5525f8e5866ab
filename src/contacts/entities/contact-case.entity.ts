import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A case registered from a contact: the link from the contact to what came of it (the case links back by its contactId). */
@Entity('contact_cases')
export class ContactCase {
  @ForeignKey('contacts', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  contactId: string;

  @Index()
  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId: string;
}
