import { ApiProperty } from '@nestjs/swagger';
import { TARGET_UNITS, TargetTime } from '../service-target.types';

/**
 * A service target: a number of working days (by the close of the N-th working day after
 * arrival), working hours or working minutes (open time only).
 */
export class TargetTimeResponse {
  @ApiProperty({ description: 'How many units', example: 2 })
  value: number;

  @ApiProperty({ enum: TARGET_UNITS, example: 'working_days' })
  unit: string;
}

export function toTargetTimeResponse(target: TargetTime | null): TargetTimeResponse | null {
  return target && { value: target.value, unit: target.unit };
}
