import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { ALERT_KINDS, AlertKind } from '../entities/manager-alert.entity';

export class AlertsQuery extends PaginationQueryDto {
  @ApiProperty({ required: false, description: 'One department; default all the caller may see' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  departmentCode?: string;

  @ApiProperty({ required: false, enum: ALERT_KINDS })
  @IsOptional()
  @IsIn(ALERT_KINDS)
  kind?: AlertKind;

  @ApiProperty({ required: false, description: 'true: only alerts nobody has acknowledged yet' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unacknowledged?: boolean;
}
