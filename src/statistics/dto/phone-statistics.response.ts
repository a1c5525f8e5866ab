import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, PERCENT, StatisticsReportResponse } from './statistics-report.response';

const DIRECT_ANSWER_SOURCES = ['call_records', 'contacts'];

/** The phone queue figures of one group, from the telephony platform's call records. */
export class PhoneStatisticsRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'Calls that entered the queue' })
  calls: number;

  @ApiProperty({ ...COUNT, description: 'Calls a person answered' })
  answered: number;

  @ApiProperty({ ...PERCENT, description: 'answered / calls, percent' })
  answeredPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'Calls whose caller hung up while waiting' })
  abandoned: number;

  @ApiProperty({ ...PERCENT, description: 'abandoned / calls, percent' })
  abandonedPercent: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean wait of answered calls, seconds, two decimals' })
  averageWaitSeconds: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Median wait of answered calls, seconds' })
  medianWaitSeconds: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '90th percentile wait of answered calls, seconds' })
  p90WaitSeconds: number | null;

  @ApiProperty({ description: 'The answer target, seconds', example: 60 })
  answerTargetSeconds: number;

  @ApiProperty({ ...COUNT, description: 'Calls answered within the target' })
  answeredWithinTarget: number;

  @ApiProperty({ ...PERCENT, description: 'answeredWithinTarget / calls (abandoned ones count against it), percent' })
  answeredWithinTargetPercent: number | null;

  @ApiProperty({
    enum: DIRECT_ANSWER_SOURCES,
    description: 'Where the direct-answer share comes from: the call records, or phone contacts when no call says',
  })
  directAnswerSource: string;

  @ApiProperty({ ...COUNT, description: 'Callers who got a direct answer to a simple question' })
  directAnswers: number;

  @ApiProperty({ ...COUNT, description: 'Calls (or phone contacts) for which that is known either way' })
  directAnswerBase: number;

  @ApiProperty({ ...PERCENT, description: 'directAnswers / directAnswerBase, percent' })
  directAnswerPercent: number | null;
}

class PhoneTargetsResponse {
  @ApiProperty({ description: 'Answered within this many seconds', example: 60 })
  answerTargetSeconds: number;

  @ApiProperty({ enum: DIRECT_ANSWER_SOURCES })
  directAnswerSource: string;
}

/** GET /api/v1/statistics/phone. */
export class PhoneStatisticsResponse extends StatisticsReportResponse(
  'phone',
  PhoneStatisticsRowResponse,
  PhoneTargetsResponse,
) {}
