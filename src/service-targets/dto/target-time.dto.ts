import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Min } from 'class-validator';
import { TARGET_UNITS, TargetUnit } from '../service-target.types';

/** A target time: a value with its unit. Working days are whole; hours and minutes may be fractions. */
export class TargetTimeDto {
  @ApiProperty({
    example: 1,
    description: 'Whole working days (0 = by the close of the day it arrives), or working hours or minutes (> 0)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  value: number;

  @ApiProperty({ enum: TARGET_UNITS, example: 'working_days' })
  @IsIn(TARGET_UNITS)
  unit: TargetUnit;
}
