import { ApiProperty } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import { GENDERS, Gender, MESSAGE_LANGUAGES, MessageLanguage } from '../citizen.types';
import { parsePersonalNumber } from '../personal-number';

function IsSwedishPersonalNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSwedishPersonalNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parsePersonalNumber(value).valid,
        defaultMessage: (args) => {
          const result = typeof args?.value === 'string' ? parsePersonalNumber(args.value) : null;
          return `${args?.property} is not a valid Swedish personal identity number${result && !result.valid ? `: ${result.reason}` : ''}`;
        },
      },
    });
}

/** Who the citizen is, as far as they chose to say. */
export class CitizenDto {
  @ApiProperty({ required: false, example: 'Karin Lind' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ required: false, example: 'karin.lind@example.se' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ required: false, example: '070-123 45 67' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({
    required: false,
    example: '19811218-9876',
    description: 'Swedish personnummer or samordningsnummer; stored encrypted',
  })
  @IsOptional()
  @IsSwedishPersonalNumber()
  personalNumber?: string;

  @ApiProperty({ required: false, enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiProperty({
    required: false,
    enum: MESSAGE_LANGUAGES,
    description: 'The language the citizen reads messages in; Swedish when not given',
  })
  @IsOptional()
  @IsIn(MESSAGE_LANGUAGES)
  language?: MessageLanguage;
}
