import { MigrationInterface, QueryRunner, TableForeignKey, TableIndex } from 'typeorm';

const TABLE = 'staff_user_departments';

/** The link between staff and departments (StaffDepartment), with the index and key names TypeORM gives them. */
const INDEXES = [
  new TableIndex({ name: 'IDX_feb17d799b57d3c860b83e4cb1', columnNames: ['user_id'] }),
  new TableIndex({ name: 'IDX_36c98e143c7dd45a7db2b0510d', columnNames: ['department_code'] }),
];

function foreignKeys(onUpdate: 'CASCADE' | 'NO ACTION'): TableForeignKey[] {
  return [
    new TableForeignKey({
      name: 'FK_feb17d799b57d3c860b83e4cb1d',
      columnNames: ['user_id'],
      referencedTableName: 'staff_users',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
      onUpdate,
    }),
    new TableForeignKey({
      name: 'FK_36c98e143c7dd45a7db2b0510d8',
      columnNames: ['department_code'],
      referencedTableName: 'departments',
      referencedColumnNames: ['code'],
      onDelete: 'CASCADE',
      onUpdate,
    }),
  ];
}

/**
 * Staff members' departments: an index on each side of the link, for "who works in TEK" as well
 * as "where does this handler work", and a renamed department code carried into the link
 * (ON UPDATE CASCADE) instead of refused.
 */
export class StaffUserDepartmentsKeys1764620000000 implements MigrationInterface {
  name = 'StaffUserDepartmentsKeys1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await this.replaceForeignKeys(q, 'CASCADE');
    await q.createIndices(TABLE, INDEXES);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndices(TABLE, INDEXES);
    await this.replaceForeignKeys(q, 'NO ACTION');
  }

  private async replaceForeignKeys(q: QueryRunner, onUpdate: 'CASCADE' | 'NO ACTION'): Promise<void> {
    const table = await q.getTable(TABLE);
    if (table) await q.dropForeignKeys(table, table.foreignKeys);
    await q.createForeignKeys(TABLE, foreignKeys(onUpdate));
  }
}
