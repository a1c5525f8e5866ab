import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../../calendar/calendar.module';
import { CommonModule } from '../../common/common.module';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { StatisticsSql } from '../sql/statistics-sql.service';
import { CaseDayChange, CaseDayFigures, CaseDayFiguresDay } from './case-day-figures.entity';
import { CaseDayFiguresService } from './case-day-figures.service';

/**
 * The daily figures and what they need: the database, the calendar, a clock. No queue, no HTTP.
 * Entities reference other areas' tables, so every entity is loaded, not only this module's.
 */
@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule.forRoot({ runMigrations: false, allEntities: true }),
    CalendarModule,
    TypeOrmModule.forFeature([CaseDayFigures, CaseDayFiguresDay, CaseDayChange]),
  ],
  providers: [StatisticsSql, CaseDayFiguresService],
})
class DayFiguresCommandModule {}

/**
 * `npm run statistics:refresh`: builds the daily figures of the cases report that are not fresh
 * (after an import of years of cases, a restore, or to time a build), prints what it did and
 * exits. The database's migrations must have run. The processes that run jobs do the same every
 * few minutes on their own.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DayFiguresCommandModule, { logger: ['error', 'warn'] });
  const startedMs = Date.now();
  const { built, fresh, skipped } = await app.get(CaseDayFiguresService).refresh();
  process.stdout.write(
    `daily figures: ${built} day(s) built, ${fresh} already fresh, ${skipped} left for next time, in ${Date.now() - startedMs} ms\n`,
  );
  await app.close();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
