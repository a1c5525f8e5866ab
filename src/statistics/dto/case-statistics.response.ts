import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, PERCENT, StatisticsReportResponse } from './statistics-report.response';

/** The case figures of one group: cases received in the period (definitions: docs/statistics.md). */
export class CaseStatisticsRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'Cases received, duplicates included' })
  received: number;

  @ApiProperty({ ...COUNT, description: 'Of those, resolved (duplicates are not measured)' })
  resolved: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Median working time to resolution, hours' })
  medianResolutionWorkingHours: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '90th percentile of working time to resolution, hours' })
  p90ResolutionWorkingHours: number | null;

  @ApiProperty({ description: 'The default first-response target, working days' })
  firstResponseTargetWorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'First responses by the due time (met)' })
  firstResponseWithinTarget: number;

  @ApiProperty({ ...COUNT, description: 'First responses whose outcome is known: met, late or missed' })
  firstResponseMeasured: number;

  @ApiProperty({ ...PERCENT, description: 'firstResponseWithinTarget / firstResponseMeasured, percent' })
  firstResponseWithinTargetPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'No first response yet, due time still ahead' })
  firstResponsePending: number;

  @ApiProperty({ description: 'The default resolution target, working days' })
  resolutionTargetWorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'Resolutions by the due time (met)' })
  resolutionWithinTarget: number;

  @ApiProperty({ ...COUNT, description: 'Resolutions whose outcome is known: met, late or missed' })
  resolutionMeasured: number;

  @ApiProperty({ ...PERCENT, description: 'resolutionWithinTarget / resolutionMeasured, percent' })
  resolutionWithinTargetPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'Not resolved yet, due time still ahead' })
  resolutionPending: number;

  @ApiProperty({ ...COUNT, description: 'Cases sent back to the service center at least once' })
  returned: number;

  @ApiProperty({ ...PERCENT, description: 'returned / received, percent' })
  returnedPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'Cases reopened at least once' })
  reopened: number;

  @ApiProperty({ ...PERCENT, description: 'reopened / received, percent' })
  reopenedPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'Cases closed as duplicates' })
  duplicates: number;
}

class CaseStatisticsTargetsResponse {
  @ApiProperty({ description: 'First response within this many working days, where no due time is stored' })
  firstResponseTargetWorkingDays: number;

  @ApiProperty({ description: 'Resolution within this many working days, where no due time is stored' })
  resolutionTargetWorkingDays: number;

  @ApiProperty({
    description: 'Which due time each case is held to',
    example: 'stored on the case where set, else the target in working days',
  })
  firstResponseDueTimes: string;

  @ApiProperty({
    description: 'Which due time each case is held to',
    example: 'stored on the case where set, else the target in working days',
  })
  resolutionDueTimes: string;
}

/** GET /api/v1/statistics/cases. */
export class CaseStatisticsResponse extends StatisticsReportResponse(
  'cases',
  CaseStatisticsRowResponse,
  CaseStatisticsTargetsResponse,
) {}
