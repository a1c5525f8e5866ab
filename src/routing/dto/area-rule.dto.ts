import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateAreaRuleDto {
  @ApiProperty({ example: 'snow_clearance' })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'catalogCode must be a catalog code' })
  catalogCode: string;

  @ApiProperty({
    required: false,
    example: '1394',
    description: 'The first 1-5 digits of the postal code; give this or district',
  })
  @IsOptional()
  @Matches(/^\d{1,5}$/, { message: 'postalCodePrefix must be 1-5 digits' })
  postalCodePrefix?: string;

  @ApiProperty({
    required: false,
    example: 'Lövudden',
    description: 'A district name the address mentions; give this or postalCodePrefix',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  district?: string;

  @ApiProperty({ example: 'TEK' })
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode: string;

  @ApiProperty({ required: false, default: 0, description: 'Higher wins when several rules match' })
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number;

  @ApiProperty({ required: false, example: 'Snöröjning öster om ån sköts av entreprenören' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
