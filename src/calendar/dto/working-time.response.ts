import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { WorkingTimeAnswer } from '../calendar.service';

/**
 * Working time from an instant: the working minutes up to `to`, or the instant (`dueAt`) at
 * which N working days or minutes have passed. Fields that do not apply to the question are left out.
 */
export class WorkingTimeResponse {
  @ApiInstant('The start, as asked')
  from: Date;

  @ApiInstant('The end, as asked', { required: false })
  to?: Date;

  @ApiPropertyOptional({
    description: 'Open minutes between from and to, or the minutes added, as asked',
    example: 480,
  })
  workingMinutes?: number;

  @ApiPropertyOptional({ description: 'The working days added, as asked', example: 2 })
  workingDays?: number;

  @ApiInstant('When the working days or minutes have passed: the close of the N-th working day after from', {
    required: false,
  })
  dueAt?: Date;

  @ApiProperty({ description: 'The calendar settings version used', example: 3 })
  calendarVersion: number;
}

export function toWorkingTimeResponse(answer: WorkingTimeAnswer): WorkingTimeResponse {
  return {
    from: answer.from,
    to: answer.to,
    workingMinutes: answer.workingMinutes,
    workingDays: answer.workingDays,
    dueAt: answer.dueAt,
    calendarVersion: answer.calendarVersion,
  };
}
