import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseDayChange, CaseDayFigures, CaseDayFiguresDay } from './day-figures/case-day-figures.entity';
import { CaseDayFiguresReconciler } from './day-figures/case-day-figures.reconciler';
import { CaseDayFiguresService } from './day-figures/case-day-figures.service';
import { BacklogStatisticsService } from './reports/backlog-statistics.service';
import { CallbackStatisticsService } from './reports/callback-statistics.service';
import { CaseStatisticsService } from './reports/case-statistics.service';
import { ComparisonExportService } from './reports/comparison-export.service';
import { ContactStatisticsService } from './reports/contact-statistics.service';
import { EmailAnswerStatisticsService } from './reports/email-answer-statistics.service';
import { PhoneStatisticsService } from './reports/phone-statistics.service';
import { RatingStatisticsService } from './reports/rating-statistics.service';
import { ServiceIndexService } from './reports/service-index.service';
import { OrderStatisticsThread } from './order-statistics-thread';
import { ReportContextService } from './report-context.service';
import { StatisticsSql } from './sql/statistics-sql.service';

/**
 * Accessibility statistics: reports over cases, contacts, call records, callbacks and ratings,
 * which they only read, and the daily figures of the cases report, which they keep.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CaseDayFigures, CaseDayFiguresDay, CaseDayChange])],
  providers: [
    StatisticsSql,
    OrderStatisticsThread,
    CaseDayFiguresService,
    CaseDayFiguresReconciler,
    ReportContextService,
    CaseStatisticsService,
    BacklogStatisticsService,
    ContactStatisticsService,
    EmailAnswerStatisticsService,
    PhoneStatisticsService,
    CallbackStatisticsService,
    ServiceIndexService,
    RatingStatisticsService,
    ComparisonExportService,
  ],
  exports: [
    CaseDayFiguresService,
    CaseStatisticsService,
    BacklogStatisticsService,
    ContactStatisticsService,
    EmailAnswerStatisticsService,
    PhoneStatisticsService,
    CallbackStatisticsService,
    ServiceIndexService,
    RatingStatisticsService,
    ComparisonExportService,
  ],
})
export class StatisticsModule {}
