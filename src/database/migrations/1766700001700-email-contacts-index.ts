import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const TABLE = 'contacts';
const NAME = 'IDX_contacts_email_outcome';

/**
 * The e-mail contacts are indexed by outcome, then start, and only they. The e-mail answers report
 * counts the e-mail contacts answered or referred without a case span by span, side by side with
 * the e-mailed questions; through the index of every contact by outcome it read the answered and
 * referred contacts of every channel in a span and left the others out (at 10,000,000 cases on
 * PostgreSQL about one in five of them by e-mail), and with the questions read from their own
 * index (1766700001600) the contacts were what the report waited for. The index holds what the
 * report reads (end, agent, service point, type, gender), so no contact's row is read.
 *
 * Partial, on `channel = 'email'`: a contact by another channel writes no entry to it. A query
 * uses it only when it says `channel = 'email'` in its text, not as a parameter (SQLite, and
 * PostgreSQL's generic plans, cannot match a parameter with the index's condition).
 */
export class EmailContactsIndex1766700001700 implements MigrationInterface {
  name = 'EmailContactsIndex1766700001700';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      TABLE,
      new TableIndex({
        name: NAME,
        columnNames: ['outcome', 'started_at', 'ended_at', 'agent_id', 'service_point_code', 'catalog_code', 'gender'],
        where: `"channel" = 'email'`,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex(TABLE, NAME);
  }
}
