import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The daily figures' catalog level drops the split by channel: one row per day, department and
 * catalog entry, about a fifth of the rows, so the report by catalog entry reads that much less
 * (docs/statistics.md, "Daily figures"). Its rows have no channel, so the column may be null.
 *
 * The daily figures are built from the cases and hold nothing else, so they are emptied here and
 * every day is built again, in the new shape, by the next refresh; until then reports read the
 * cases.
 */
export class DayFiguresCatalogLevel1766700000400 implements MigrationInterface {
  name = 'DayFiguresCatalogLevel1766700000400';

  async up(q: QueryRunner): Promise<void> {
    await this.empty(q);
    await q.changeColumn(
      'case_day_figures',
      'channel',
      new TableColumn({ name: 'channel', type: 'varchar', length: '16', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await this.empty(q);
    await q.changeColumn(
      'case_day_figures',
      'channel',
      new TableColumn({ name: 'channel', type: 'varchar', length: '16', isNullable: false }),
    );
  }

  private async empty(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM case_day_figures');
    await q.query('DELETE FROM case_day_figures_days');
  }
}
