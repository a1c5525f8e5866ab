import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { flag } from '../migration-helpers';

/**
 * A contact behind a confidential case follows the case's confidentiality (docs/cases.md,
 * "Confidential cases"). Existing contacts become confidential when their catalog type is, or a
 * confidential case was registered from them.
 */
export class ConfidentialContacts1765100000000 implements MigrationInterface {
  name = 'ConfidentialContacts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('contacts', new TableColumn(flag('confidential', false)));
    await q.addColumn(
      'contacts',
      new TableColumn({ name: 'department_code', type: 'varchar', length: '32', isNullable: true }),
    );
    await q.query(
      `UPDATE contacts SET confidential = true, department_code = (SELECT k.department_code FROM catalog_entries k WHERE k.code = contacts.catalog_code)
       WHERE catalog_code IN (SELECT code FROM catalog_entries WHERE confidential = true)`,
    );
    await q.query(
      `UPDATE contacts SET confidential = true, department_code = (SELECT MIN(c.department_code) FROM cases c WHERE c.contact_id = contacts.id AND c.confidential = true)
       WHERE id IN (SELECT contact_id FROM cases WHERE confidential = true AND contact_id IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('contacts', 'department_code');
    await q.dropColumn('contacts', 'confidential');
  }
}
