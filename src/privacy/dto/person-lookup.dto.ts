import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { IsSwedishPersonalNumber } from '../../citizens/dto/citizen.dto';

/** Who the request is about: exactly one of the three, as the person gave it. */
export class PersonLookupDto {
  @ApiProperty({ required: false, example: '19811218-9876', description: 'Swedish personnummer or samordningsnummer' })
  @IsOptional()
  @IsSwedishPersonalNumber()
  personalNumber?: string;

  @ApiProperty({ required: false, example: 'karin.lind@example.se', description: 'Any case' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ required: false, example: '070-123 45 67', description: 'Compared by its digits alone' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

/** The corrected details (GDPR art. 16); a detail left out stays as it is. */
export class CitizenCorrectionDto {
  @ApiProperty({ required: false, example: 'Karin Lindqvist' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ required: false, example: 'karin.lindqvist@example.se' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ required: false, example: '070-765 43 21' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

/** A correction: who (one identifier) and what is right. */
export class CorrectionRequestDto extends PersonLookupDto {
  @ApiProperty({ type: CitizenCorrectionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CitizenCorrectionDto)
  corrections: CitizenCorrectionDto;
}
