import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, PERCENT, StatisticsReportResponse } from './statistics-report.response';

/**
 * E-mailed simple questions of one group answered within one and within two working days:
 * e-mail cases of a question type, and e-mail contacts answered or referred without a case.
 */
export class EmailAnswerStatisticsRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'fromCases + fromContacts' })
  questions: number;

  @ApiProperty({ ...COUNT, description: 'Questions that came as cases' })
  fromCases: number;

  @ApiProperty({ ...COUNT, description: 'Questions answered as contacts, without a case' })
  fromContacts: number;

  @ApiProperty({ ...COUNT, description: 'Answered by the close of the first working day after arrival (met)' })
  answeredWithinOneWorkingDay: number;

  @ApiProperty({ ...COUNT, description: 'Whose outcome against one working day is known: met, late or missed' })
  measuredForOneWorkingDay: number;

  @ApiProperty({ ...PERCENT, description: 'answeredWithinOneWorkingDay / measuredForOneWorkingDay, percent' })
  answeredWithinOneWorkingDayPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'Not answered yet, one working day not yet over' })
  pendingForOneWorkingDay: number;

  @ApiProperty({ ...COUNT, description: 'Answered by the close of the second working day after arrival (met)' })
  answeredWithinTwoWorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'Whose outcome against two working days is known: met, late or missed' })
  measuredForTwoWorkingDays: number;

  @ApiProperty({ ...PERCENT, description: 'answeredWithinTwoWorkingDays / measuredForTwoWorkingDays, percent' })
  answeredWithinTwoWorkingDaysPercent: number | null;

  @ApiProperty({ ...COUNT, description: 'Not answered yet, two working days not yet over' })
  pendingForTwoWorkingDays: number;
}

class EmailAnswerTargetsResponse {
  @ApiProperty({ example: '1 and 2' })
  withinWorkingDays: string;
}

/** GET /api/v1/statistics/email-answers. */
export class EmailAnswerStatisticsResponse extends StatisticsReportResponse(
  'email-answers',
  EmailAnswerStatisticsRowResponse,
  EmailAnswerTargetsResponse,
) {}
