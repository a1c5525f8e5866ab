import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Covering indexes for the callbacks report and the service index, which read a period's owing
 * contacts (outcome message_taken or callback_promised) with the callback made for each and the
 * due time service targets stored for it (docs/statistics.md, "How it stays fast").
 *
 * - contacts: the index on (outcome, started_at) grows into one holding every column those
 *   reports read, the contact's id (to join its callback) last, so a year's owing contacts are a
 *   range scan of the index alone and never a table lookup per row. It begins with the columns
 *   of the index it replaces and serves the same lookups; a write updates as many indexes.
 * - contact_callbacks (contact_id, made_at) and callback_targets (contact_id, due_at): each join
 *   finds what it reads in the index it searches, not in the table after it.
 */
const OWING_CONTACTS_COLUMNS = [
  'outcome',
  'started_at',
  'ended_at',
  'agent_id',
  'channel',
  'service_point_code',
  'catalog_code',
  'gender',
  'id',
];

export class CallbackCoveringIndexes1766700000500 implements MigrationInterface {
  name = 'CallbackCoveringIndexes1766700000500';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('contacts', 'IDX_contacts_outcome_started_at');
    await q.createIndex(
      'contacts',
      new TableIndex({ name: 'IDX_contacts_statistics_outcome', columnNames: OWING_CONTACTS_COLUMNS }),
    );
    await q.createIndex(
      'contact_callbacks',
      new TableIndex({ name: 'IDX_contact_callbacks_made', columnNames: ['contact_id', 'made_at'] }),
    );
    await q.createIndex(
      'callback_targets',
      new TableIndex({ name: 'IDX_callback_targets_due', columnNames: ['contact_id', 'due_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('callback_targets', 'IDX_callback_targets_due');
    await q.dropIndex('contact_callbacks', 'IDX_contact_callbacks_made');
    await q.dropIndex('contacts', 'IDX_contacts_statistics_outcome');
    await q.createIndex(
      'contacts',
      new TableIndex({ name: 'IDX_contacts_outcome_started_at', columnNames: ['outcome', 'started_at'] }),
    );
  }
}
