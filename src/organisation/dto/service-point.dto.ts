import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SERVICE_POINT_KINDS, ServicePointKind } from '../organisation.types';
import { HasText } from '../../common/has-text.decorator';

export class CreateServicePointDto {
  @ApiProperty({ example: 'LIB-STRAND' })
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'code must be 1-32 upper-case letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: 'Strands bibliotek (filial)' })
  @IsString()
  @HasText()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: SERVICE_POINT_KINDS })
  @IsIn(SERVICE_POINT_KINDS)
  kind: ServicePointKind;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
