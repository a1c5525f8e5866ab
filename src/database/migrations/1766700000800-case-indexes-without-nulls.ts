import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Five indexes of `cases` on a column that is empty on almost every case, and only ever searched
 * for a value: the case a duplicate points to, the two breach times, the external id of an
 * imported or Open311 case, and the citizen. Each held an entry for every case, so every intake
 * wrote a page of each to the log for a NULL no query asks for. Now each holds only the cases with
 * a value. A query asking `x = ?`, `x IN (...)` or `x IS NOT NULL` uses them as before: SQLite and
 * PostgreSQL both take such a term to imply the index's `x IS NOT NULL`
 * (https://www.sqlite.org/partialindex.html#queries_using_partial_indexes). The external id stays
 * unique; NULLs were never compared.
 */
const INDEXES: ReadonlyArray<{ before: string; after: string; column: string; isUnique?: boolean }> = [
  { before: 'IDX_cases_duplicate_of_id', after: 'IDX_cases_duplicate_of_id', column: 'duplicate_of_id' },
  {
    before: 'IDX_cases_first_response_breached_at',
    after: 'IDX_cases_first_response_breached_at',
    column: 'first_response_breached_at',
  },
  {
    before: 'IDX_cases_resolution_breached_at',
    after: 'IDX_cases_resolution_breached_at',
    column: 'resolution_breached_at',
  },
  // The two below had names TypeORM derived from their columns.
  { before: 'IDX_432e3ca970582c00f055507af9', after: 'IDX_cases_external_id', column: 'external_id', isUnique: true },
  { before: 'IDX_17f516ec0d2e00030a0d308a06', after: 'IDX_cases_citizen_id', column: 'citizen_id' },
];

export class CaseIndexesWithoutNulls1766700000800 implements MigrationInterface {
  name = 'CaseIndexesWithoutNulls1766700000800';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await q.dropIndex('cases', index.before);
      await q.createIndex(
        'cases',
        new TableIndex({
          name: index.after,
          columnNames: [index.column],
          isUnique: index.isUnique ?? false,
          where: `"${index.column}" IS NOT NULL`,
        }),
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await q.dropIndex('cases', index.after);
      await q.createIndex(
        'cases',
        new TableIndex({ name: index.before, columnNames: [index.column], isUnique: index.isUnique ?? false }),
      );
    }
  }
}
