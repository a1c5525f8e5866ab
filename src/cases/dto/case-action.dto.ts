import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Priority, PRIORITIES } from '../../catalog/catalog.types';
import { HasText } from '../../common/has-text.decorator';

/** The body of every lifecycle action; which fields an action needs is checked by the service. */
export class CaseActionDto {
  @ApiProperty({
    required: false,
    description:
      'Why; required for return and transfer. For resolve: the answer, which the resolution message carries to the citizen (not for a confidential case)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiProperty({ required: false, description: 'Target department for route and transfer' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode?: string;

  @ApiProperty({ required: false, description: 'The id or reference of the case this one repeats (duplicate)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(36)
  duplicateOf?: string;

  @ApiProperty({ required: false, description: 'The catalog type set at triage' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'catalogCode must be a catalog code' })
  catalogCode?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'The colleague who gets the case (assign)' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiProperty({ required: false, enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;
}

export class CaseTextDto {
  @ApiProperty({ example: 'Ringde medborgaren, lampan byts på torsdag.' })
  @IsString()
  @HasText()
  @MaxLength(20000)
  body: string;
}
