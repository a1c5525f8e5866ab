import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-rules';
import { Role, ROLES } from '../roles';

export class CreateStaffUserDto {
  @ApiProperty({ example: 'anna.handler@example.se' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Anna Andersson' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ required: false, type: [String], example: ['TEK'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z0-9_-]{1,32}$/, { each: true, message: 'departmentCodes must hold department codes' })
  departmentCodes?: string[];
}
