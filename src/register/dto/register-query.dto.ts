import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { QueryInteger } from '../../common/query-number.decorator';

export const REGISTER_LANGUAGES = ['sv', 'en', 'da'] as const;
export type RegisterLanguage = (typeof REGISTER_LANGUAGES)[number];

/** The most entries one page of the public register holds. */
export const REGISTER_PAGE_SIZE_MAX = 100;
export const REGISTER_PAGE_SIZE_DEFAULT = 20;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The public register's filters: all optional, each refused with 400 naming it when malformed. */
export class RegisterQuery {
  @ApiProperty({ required: false, example: '2026-03-01', description: 'Received on or after this date (local)' })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiProperty({ required: false, example: '2026-03-31', description: 'Received on or before this date (local)' })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiProperty({
    required: false,
    example: 'gatlykta',
    description: 'Words the published summary contains (every one)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiProperty({ required: false, example: 'TEK', description: 'A department code' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiProperty({ required: false, example: 'street_light', description: 'A case type (catalog code)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'caseType must be a catalog code' })
  caseType?: string;

  @ApiProperty({ required: false, default: 1, minimum: 1 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiProperty({ required: false, default: REGISTER_PAGE_SIZE_DEFAULT, minimum: 1, maximum: REGISTER_PAGE_SIZE_MAX })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(REGISTER_PAGE_SIZE_MAX)
  pageSize?: number;

  @ApiProperty({ required: false, enum: REGISTER_LANGUAGES, default: 'sv', description: 'The language of names' })
  @IsOptional()
  @IsIn(REGISTER_LANGUAGES)
  lang?: RegisterLanguage;
}
