import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, StatisticsReportResponse } from './statistics-report.response';

/** Were the callbacks promised in one group's contacts made in time? */
export class CallbackStatisticsRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ description: 'The default callback target, working days after the contact ended', example: 1 })
  callbackTargetWorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'Contacts that promised a callback (message_taken, callback_promised)' })
  callbacksOwed: number;

  @ApiProperty({ ...COUNT, description: 'Made by the due time (met)' })
  callbacksKept: number;

  @ApiProperty({ ...COUNT, description: 'Made after the due time' })
  callbacksLate: number;

  @ApiProperty({ ...COUNT, description: 'Not made, past due' })
  callbacksMissed: number;

  @ApiProperty({ ...COUNT, description: 'Not made, not yet due' })
  callbacksPending: number;

  @ApiProperty({ ...COUNT, description: 'kept + late + missed' })
  callbacksMeasured: number;

  @ApiProperty({ type: Number, nullable: true, description: 'callbacksKept / callbacksMeasured, percent' })
  callbacksKeptPercent: number | null;
}

class CallbackTargetsResponse {
  @ApiProperty({ description: 'Made within this many working days, where no due time is stored', example: 1 })
  callbackTargetWorkingDays: number;

  @ApiProperty({
    description: 'Which due time each callback is held to',
    example: 'stored on the callback where set, else the target in working days',
  })
  dueTimes: string;
}

/** GET /api/v1/statistics/callbacks. */
export class CallbackStatisticsResponse extends StatisticsReportResponse(
  'callbacks',
  CallbackStatisticsRowResponse,
  CallbackTargetsResponse,
) {}
