import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { BacklogQuery } from './dto/backlog-query.dto';
import { CallbackStatisticsQuery } from './dto/callback-statistics-query.dto';
import { CaseStatisticsQuery } from './dto/case-statistics-query.dto';
import { ComparisonQuery } from './dto/comparison-query.dto';
import { PhoneStatisticsQuery } from './dto/phone-statistics-query.dto';
import { ServiceIndexQuery } from './dto/service-index-query.dto';
import { StatisticsQuery } from './dto/statistics-query.dto';
import { respondWithReport } from './report-response';
import { BacklogStatisticsService } from './reports/backlog-statistics.service';
import { CallbackStatisticsService } from './reports/callback-statistics.service';
import { CaseStatisticsService } from './reports/case-statistics.service';
import { ComparisonExportService } from './reports/comparison-export.service';
import { ContactStatisticsService } from './reports/contact-statistics.service';
import { EmailAnswerStatisticsService } from './reports/email-answer-statistics.service';
import { PhoneStatisticsService } from './reports/phone-statistics.service';
import { RatingStatisticsService } from './reports/rating-statistics.service';
import { ServiceIndexService } from './reports/service-index.service';

type Answer = Promise<object | string>;

/**
 * Accessibility statistics. Every report answers JSON, or CSV of its rows with format=csv.
 * Definitions of every figure: docs/statistics.md. Department figures are scoped to the caller
 * (see statistics-scope.ts); the phone queue and the yearly comparison are for the roles below.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(
    private readonly cases: CaseStatisticsService,
    private readonly backlog: BacklogStatisticsService,
    private readonly contacts: ContactStatisticsService,
    private readonly emailAnswers: EmailAnswerStatisticsService,
    private readonly phone: PhoneStatisticsService,
    private readonly callbacks: CallbackStatisticsService,
    private readonly serviceIndex: ServiceIndexService,
    private readonly ratings: RatingStatisticsService,
    private readonly comparison: ComparisonExportService,
  ) {}

  @Get('cases')
  async caseStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseStatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'cases', await this.cases.report(staff, query));
  }

  @Get('backlog')
  async backlogStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: BacklogQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'backlog', await this.backlog.report(staff, query));
  }

  @Get('contacts')
  async contactStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'contacts', await this.contacts.report(staff, query));
  }

  @Get('email-answers')
  async emailAnswerStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'email-answers', await this.emailAnswers.report(staff, query));
  }

  @Get('phone')
  @Roles('agent', 'manager', 'admin')
  async phoneStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: PhoneStatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'phone', await this.phone.report(staff, query));
  }

  @Get('callbacks')
  async callbackStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CallbackStatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'callbacks', await this.callbacks.report(staff, query));
  }

  @Get('service-index')
  async serviceIndexStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: ServiceIndexQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'service-index', await this.serviceIndex.report(staff, query));
  }

  @Get('ratings')
  async ratingStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(response, query.format, 'ratings', await this.ratings.report(staff, query));
  }

  @Get('comparison')
  @Roles('manager', 'admin')
  async comparisonExport(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: ComparisonQuery,
    @Res({ passthrough: true }) response: Response,
  ): Answer {
    return respondWithReport(
      response,
      query.format,
      `comparison-${query.year}`,
      await this.comparison.report(staff, query),
    );
  }
}
