import { applyDecorators, Controller, Get, Query, Res, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { BacklogQuery } from './dto/backlog-query.dto';
import { BacklogStatisticsResponse, toBacklogStatisticsResponse } from './dto/backlog-statistics.response';
import { CallbackStatisticsQuery } from './dto/callback-statistics-query.dto';
import { CallbackStatisticsResponse } from './dto/callback-statistics.response';
import { CaseStatisticsQuery } from './dto/case-statistics-query.dto';
import { CaseStatisticsResponse } from './dto/case-statistics.response';
import { ComparisonQuery } from './dto/comparison-query.dto';
import { ComparisonResponse, toComparisonResponse } from './dto/comparison.response';
import { ContactStatisticsResponse } from './dto/contact-statistics.response';
import { EmailAnswerStatisticsResponse } from './dto/email-answer-statistics.response';
import { PhoneStatisticsQuery } from './dto/phone-statistics-query.dto';
import { PhoneStatisticsResponse } from './dto/phone-statistics.response';
import { RatingStatisticsResponse } from './dto/rating-statistics.response';
import { ServiceIndexQuery } from './dto/service-index-query.dto';
import { ServiceIndexResponse } from './dto/service-index.response';
import { toStatisticsReportResponse } from './dto/statistics-report.response';
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

/** A report's answer: its JSON schema, or with format=csv its rows as CSV. */
function ApiReport(type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description: 'The report as JSON, or with format=csv its rows as CSV',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': {
          schema: {
            type: 'string',
            description: 'RFC 4180: a header row of the row field names, then one line per row; empty for null',
          },
        },
      },
    }),
  );
}

/**
 * Accessibility statistics. Every report answers JSON, or CSV of its rows with format=csv.
 * Definitions of every figure: docs/statistics.md. Department figures are scoped to the caller
 * (see statistics-scope.ts); the phone queue and the yearly comparison are for the roles below.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
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
  @ApiReport(CaseStatisticsResponse)
  async caseStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseStatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseStatisticsResponse | string> {
    const report = toStatisticsReportResponse(await this.cases.report(staff, query));
    return respondWithReport(response, query, 'cases', report);
  }

  @Get('backlog')
  @ApiReport(BacklogStatisticsResponse)
  async backlogStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: BacklogQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogStatisticsResponse | string> {
    const report = toBacklogStatisticsResponse(await this.backlog.report(staff, query));
    return respondWithReport(response, query, 'backlog', report);
  }

  @Get('contacts')
  @ApiReport(ContactStatisticsResponse)
  async contactStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactStatisticsResponse | string> {
    const report = toStatisticsReportResponse(await this.contacts.report(staff, query));
    return respondWithReport(response, query, 'contacts', report);
  }

  @Get('email-answers')
  @ApiReport(EmailAnswerStatisticsResponse)
  async emailAnswerStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EmailAnswerStatisticsResponse | string> {
    const report = toStatisticsReportResponse(await this.emailAnswers.report(staff, query));
    return respondWithReport(response, query, 'email-answers', report);
  }

  @Get('phone')
  @Roles('agent', 'manager', 'admin')
  @ApiReport(PhoneStatisticsResponse)
  async phoneStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: PhoneStatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PhoneStatisticsResponse | string> {
    const report = toStatisticsReportResponse(await this.phone.report(staff, query));
    return respondWithReport(response, query, 'phone', report);
  }

  @Get('callbacks')
  @ApiReport(CallbackStatisticsResponse)
  async callbackStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CallbackStatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CallbackStatisticsResponse | string> {
    const report = toStatisticsReportResponse(await this.callbacks.report(staff, query));
    return respondWithReport(response, query, 'callbacks', report);
  }

  @Get('service-index')
  @ApiReport(ServiceIndexResponse)
  async serviceIndexStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: ServiceIndexQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceIndexResponse | string> {
    const report = toStatisticsReportResponse(await this.serviceIndex.report(staff, query));
    return respondWithReport(response, query, 'service-index', report);
  }

  @Get('ratings')
  @ApiReport(RatingStatisticsResponse)
  async ratingStatistics(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RatingStatisticsResponse | string> {
    const report = toStatisticsReportResponse(await this.ratings.report(staff, query));
    return respondWithReport(response, query, 'ratings', report);
  }

  @Get('comparison')
  @Roles('manager', 'admin')
  @ApiReport(ComparisonResponse)
  async comparisonExport(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: ComparisonQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComparisonResponse | string> {
    const report = toComparisonResponse(await this.comparison.report(staff, query));
    return respondWithReport(response, query, `comparison-${query.year}`, report);
  }
}
