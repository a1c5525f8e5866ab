import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Priority, PRIORITIES } from '../../catalog/catalog.types';
import { CitizenDto } from '../../citizens/dto/citizen.dto';
import { CHANNELS, Channel } from '../../contacts/contact.types';
import { HasText } from '../../common/has-text.decorator';

export class LocationDto {
  @ApiProperty({ required: false, example: 'Storgatan 12, 135 40 Tyresö' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiProperty({ required: false, example: '135 40' })
  @IsOptional()
  @Matches(/^\d{3} ?\d{2}$/, { message: 'postalCode must be a Swedish postal code (NNN NN)' })
  postalCode?: string;

  @ApiProperty({ required: false, example: 59.244 })
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @ApiProperty({ required: false, example: 18.229 })
  @IsOptional()
  @IsLongitude()
  lng?: number;
}

export class CreateCaseDto {
  @ApiProperty({ example: 'Gatlampan utanför Storgatan 12 har varit släckt i en vecka' })
  @IsString()
  @HasText()
  @MaxLength(10000)
  description: string;

  @ApiProperty({ required: false, example: 'street_light' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'catalogCode must be a catalog code' })
  catalogCode?: string;

  @ApiProperty({ required: false, enum: CHANNELS, default: 'phone' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiProperty({ required: false, type: CitizenDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen?: CitizenDto;

  @ApiProperty({ required: false, type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({ required: false, description: 'The contact this case came from' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiProperty({ required: false, enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiProperty({ required: false, default: false, description: 'Confidential regardless of the catalog type' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiProperty({
    required: false,
    default: false,
    description: 'The service center finished it on the spot: the case goes straight to resolved',
  })
  @IsOptional()
  @IsBoolean()
  resolvedOnSpot?: boolean;

  @ApiProperty({ required: false, description: 'What the citizen was told, when resolved on the spot' })
  @IsOptional()
  @IsString()
  @HasText()
  @MaxLength(10000)
  resolution?: string;
}

export class CreatedCaseDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ example: 'new' })
  status: string;
}
