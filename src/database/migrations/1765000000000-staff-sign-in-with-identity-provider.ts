import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from '../migration-helpers';

/**
 * Staff who sign in through the municipality's identity provider (OpenID Connect): the
 * provider's subject for the person, unique, by which each sign-in finds its staff member; and
 * a password that may be absent, for staff who never log in with one.
 *
 * On SQLite both changes rebuild `staff_users` (copy, drop, rename), which needs foreign keys
 * off: TypeORM switches them off before it applies migrations, but reverts inside a transaction,
 * where SQLite ignores the switch. Revert this one on SQLite with `transaction: 'none'`; inside a
 * transaction a database whose staff are referenced (contacts, cases) refuses the revert and rolls
 * it back, and in one whose staff are not, the departments' links, which dropping the table would
 * delete (ON DELETE CASCADE), are kept aside and put back.
 */
export class StaffSignInWithIdentityProvider1765000000000 implements MigrationInterface {
  name = 'StaffSignInWithIdentityProvider1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await setPasswordOptional(q, true);
    await q.addColumn('staff_users', new TableColumn({ ...text('oidc_subject', true, 255), isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    const sqlite = q.connection.options.type !== 'postgres';
    if (sqlite) {
      await q.query('CREATE TEMPORARY TABLE kept_staff_user_departments AS SELECT * FROM staff_user_departments');
    }
    await q.dropColumn('staff_users', 'oidc_subject');
    // Staff without a password keep their accounts, with a hash that no password matches.
    await q.query(`UPDATE staff_users SET password_hash = '!' WHERE password_hash IS NULL`);
    await setPasswordOptional(q, false);
    if (sqlite) {
      await q.query(
        'INSERT INTO staff_user_departments (user_id, department_code) SELECT user_id, department_code FROM kept_staff_user_departments WHERE NOT EXISTS (SELECT 1 FROM staff_user_departments d WHERE d.user_id = kept_staff_user_departments.user_id AND d.department_code = kept_staff_user_departments.department_code)',
      );
      await q.query('DROP TABLE kept_staff_user_departments');
    }
  }
}

/**
 * Changes only whether the password hash may be null. The column is changed from itself, as the
 * database describes it: a column of another spelling of its type (varchar beside PostgreSQL's
 * character varying) would be dropped and added again by TypeORM, and its hashes lost.
 */
async function setPasswordOptional(q: QueryRunner, optional: boolean): Promise<void> {
  const table = await q.getTable('staff_users');
  const column = table?.findColumnByName('password_hash');
  if (!table || !column) throw new Error('staff_users.password_hash is missing');
  const changed = column.clone();
  changed.isNullable = optional;
  await q.changeColumn(table, column, changed);
}
