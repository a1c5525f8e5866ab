import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The daily figures gain the working days each case took to its first response and resolution,
 * and the arrivals of those still open (`working_days_taken`, WorkingDaysTaken), so that a what-if
 * target in the cases report's query is answered from them: before, every case of the period was
 * counted against the target (docs/statistics.md, "Daily figures"). The code that builds them
 * writes layout 4.
 *
 * The daily figures are built from the cases and hold nothing else, so they are emptied here and
 * every day is built again by the next refresh; until then reports read the cases.
 */
export class DayFiguresWorkingDaysTaken1766700001900 implements MigrationInterface {
  name = 'DayFiguresWorkingDaysTaken1766700001900';

  async up(q: QueryRunner): Promise<void> {
    await this.empty(q);
    const postgres = q.connection.options.type === 'postgres';
    await q.addColumn(
      'case_day_figures',
      new TableColumn({ name: 'working_days_taken', type: postgres ? 'bytea' : 'blob', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await this.empty(q);
    await q.dropColumn('case_day_figures', 'working_days_taken');
  }

  private async empty(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM case_day_figures');
    await q.query('DELETE FROM case_day_figures_days');
  }
}
