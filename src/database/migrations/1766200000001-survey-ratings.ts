import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from '../migration-helpers';

/**
 * Citizens answer the satisfaction survey themselves: a rating keeps their free comment, and
 * its source is named `citizen` (given by the citizen) rather than `survey`.
 */
export class SurveyRatings1766200000001 implements MigrationInterface {
  name = 'SurveyRatings1766200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('citizen_ratings', new TableColumn(text('comment', true)));
    await q.query(`UPDATE citizen_ratings SET source = 'citizen' WHERE source = 'survey'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE citizen_ratings SET source = 'survey' WHERE source = 'citizen'`);
    await q.dropColumn('citizen_ratings', 'comment');
  }
}
