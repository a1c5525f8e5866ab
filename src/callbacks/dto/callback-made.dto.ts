import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';

export class CallbackMadeDto {
  @ApiProperty({ required: false, description: 'When the citizen was called back (ISO 8601); default now' })
  @IsOptional()
  @IsDateString({ strict: true })
  madeAt?: string;
}
