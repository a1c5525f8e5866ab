import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CitizenDto } from '../../citizens/dto/citizen.dto';
import { LocationDto } from './create-case.dto';
import { HasText } from '../../common/has-text.decorator';

/**
 * A correction of a registered case: what the citizen said, where, and who they are. Fields left
 * out stay as they are; a location or a citizen given replaces the whole one before. The change
 * stands on the timeline (without the citizen's details).
 */
export class CorrectCaseDto {
  @ApiProperty({ required: false, example: 'Gatlampan utanför Storgatan 14 (inte 12) är släckt' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @HasText()
  description?: string;

  @ApiProperty({ required: false, type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({ required: false, type: CitizenDto, description: 'The citizen as they gave their details now' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen?: CitizenDto;

  @ApiProperty({ required: false, description: 'Why the case was corrected', example: 'Fel husnummer' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}
