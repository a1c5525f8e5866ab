import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { uuidRef } from '../migration-helpers';

/**
 * The cases registered from a contact, so a contact shows what came of it. Filled in for the
 * cases registered from contacts before.
 */
export class ContactCases1765150000000 implements MigrationInterface {
  name = 'ContactCases1765150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'contact_cases',
        columns: [
          { ...uuidRef('contact_id', false), isPrimary: true },
          { ...uuidRef('case_id', false), isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ['contact_id'],
            referencedTableName: 'contacts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
    await q.query(
      'INSERT INTO contact_cases (contact_id, case_id) SELECT contact_id, id FROM cases WHERE contact_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('contact_cases');
  }
}
