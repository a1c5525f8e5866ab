import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CitizenDto } from '../../citizens/dto/citizen.dto';
import { CHANNELS, Channel, CONTACT_OUTCOMES, ContactOutcome } from '../contact.types';
import { GENDERS, Gender } from '../../citizens/citizen.types';
import { IsMunicipalTime } from '../../calendar/is-municipal-time.decorator';
import { HasText } from '../../common/has-text.decorator';

export class CreateContactDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ example: 'Frågade om tömningsschema för sopor' })
  @IsString()
  @HasText()
  @MaxLength(2000)
  summary: string;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES)
  outcome: ContactOutcome;

  @ApiProperty({ required: false, example: 'DESK' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'servicePointCode must be a service point code' })
  servicePointCode?: string;

  @ApiProperty({ required: false, example: 'waste_collection_missed' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'catalogCode must be a catalog code' })
  catalogCode?: string;

  @ApiProperty({ required: false, type: CitizenDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen?: CitizenDto;

  @ApiProperty({
    required: false,
    enum: GENDERS,
    description: 'For gender-split statistics, when no citizen details are given',
  })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiProperty({ required: false, description: 'ISO 8601; default now' })
  @IsOptional()
  @IsMunicipalTime()
  startedAt?: string;

  @ApiProperty({ required: false, description: 'ISO 8601; default now' })
  @IsOptional()
  @IsMunicipalTime()
  endedAt?: string;
}
