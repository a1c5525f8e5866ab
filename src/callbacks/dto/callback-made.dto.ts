import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMunicipalTime } from '../../calendar/is-municipal-time.decorator';

export class CallbackMadeDto {
  @ApiProperty({ required: false, description: 'When the citizen was called back (ISO 8601); default now' })
  @IsOptional()
  @IsMunicipalTime()
  madeAt?: string;
}
