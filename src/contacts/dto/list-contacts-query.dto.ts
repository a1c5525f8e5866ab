import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { CHANNELS, Channel, CONTACT_OUTCOMES, ContactOutcome } from '../contact.types';
import { IsMunicipalTime } from '../../calendar/is-municipal-time.decorator';

export class ListContactsQuery extends PaginationQueryDto {
  @ApiProperty({ required: false, description: 'Started at or after (ISO 8601)' })
  @IsOptional()
  @IsMunicipalTime()
  from?: string;

  @ApiProperty({ required: false, description: 'Started before (ISO 8601)' })
  @IsOptional()
  @IsMunicipalTime()
  to?: string;

  @ApiProperty({ required: false, enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiProperty({ required: false })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'servicePointCode must be a service point code' })
  servicePointCode?: string;

  @ApiProperty({ required: false, enum: CONTACT_OUTCOMES })
  @IsOptional()
  @IsIn(CONTACT_OUTCOMES)
  outcome?: ContactOutcome;
}
