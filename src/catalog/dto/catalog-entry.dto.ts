import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CASE_KINDS, CaseKind, Priority, PRIORITIES } from '../catalog.types';
import { HasText } from '../../common/has-text.decorator';

export class CatalogNamesDto {
  @ApiProperty({ example: 'Gatubelysning ur funktion' })
  @IsString()
  @HasText()
  @MaxLength(200)
  sv: string;

  @ApiProperty({ example: 'Street light out of order' })
  @IsString()
  @HasText()
  @MaxLength(200)
  en: string;

  @ApiProperty({ required: false, example: 'Gadelys ude af drift' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  da?: string;
}

export class CreateCatalogEntryDto {
  @ApiProperty({ example: 'street_light' })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'code must be 1-64 lower-case letters, digits or _' })
  code: string;

  @ApiProperty({ type: CatalogNamesDto })
  @ValidateNested()
  @Type(() => CatalogNamesDto)
  name: CatalogNamesDto;

  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS)
  kind: CaseKind;

  @ApiProperty({ example: 'TEK' })
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode: string;

  @ApiProperty({ default: false, description: 'The service center finishes this type itself; it is not routed' })
  @IsOptional()
  @IsBoolean()
  handledByServiceCenter?: boolean;

  @ApiProperty({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiProperty({ type: [String], example: ['gatlykta', 'streetlight', 'gadelys'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords?: string[];

  @ApiProperty({ default: false })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiProperty({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCatalogEntryDto extends PartialType(OmitType(CreateCatalogEntryDto, ['code'] as const)) {}
