import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { integer, replaceIndex } from '../migration-helpers';

/**
 * The daily figures gain a third level: per day, department, channel and catalog entry, for the
 * cases report by catalog entry of one channel, which read every case of its period before
 * (docs/statistics.md, "Daily figures"). Its rows are those of the catalog level with the channel
 * set, so the index of the levels ends with the channel, which filters the two catalog levels
 * apart in the index.
 *
 * Each built day records the layout of its figures (`layout`, CaseDayFiguresDay): a day built by
 * code that lays its figures out otherwise, such as a process of the version before that still
 * runs its reconciler during an upgrade, is not fresh, and is read from the cases until built
 * again. Days built before this migration have layout 0.
 *
 * The daily figures are built from the cases and hold nothing else, so they are emptied here and
 * every day is built again, with the new level, by the next refresh; until then reports read the
 * cases.
 */
export class DayFiguresCatalogByChannel1766700001100 implements MigrationInterface {
  name = 'DayFiguresCatalogByChannel1766700001100';

  async up(q: QueryRunner): Promise<void> {
    await this.empty(q);
    await replaceIndex(q, 'case_day_figures', 'IDX_case_day_figures_day', ['by_catalog', 'local_day', 'channel']);
    await q.addColumn('case_day_figures_days', new TableColumn(integer('layout', 0)));
  }

  async down(q: QueryRunner): Promise<void> {
    await this.empty(q);
    await q.dropColumn('case_day_figures_days', 'layout');
    await replaceIndex(q, 'case_day_figures', 'IDX_case_day_figures_day', ['by_catalog', 'local_day']);
  }

  private async empty(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM case_day_figures');
    await q.query('DELETE FROM case_day_figures_days');
  }
}
