import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { CASE_KINDS, CaseKind, PRIORITIES, Priority } from '../../catalog/catalog.types';
import { Channel, CHANNELS } from '../../contacts/contact.types';
import { TargetTimeDto } from './target-time.dto';

/**
 * A service-target policy as an administrator writes it (POST, and PUT which replaces it
 * whole). Scope fields left out or null match anything; targets left out or null are left
 * to a less specific policy.
 */
export class ServiceTargetPolicyDto {
  @ApiProperty({
    required: false,
    nullable: true,
    example: 'pothole',
    description: 'A catalog type; its kind follows from it, so give no kind with it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  catalogCode?: string | null;

  @ApiProperty({ required: false, nullable: true, enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind | null;

  @ApiProperty({ required: false, nullable: true, enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority | null;

  @ApiProperty({ required: false, nullable: true, enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel | null;

  @ApiProperty({
    required: false,
    nullable: true,
    type: TargetTimeDto,
    description: 'Time to the first response to the citizen (a reply or the resolution)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetTimeDto)
  firstResponse?: TargetTimeDto | null;

  @ApiProperty({
    required: false,
    nullable: true,
    type: TargetTimeDto,
    description: 'Time to the resolution of the case',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetTimeDto)
  resolution?: TargetTimeDto | null;

  @ApiProperty({
    required: false,
    nullable: true,
    type: TargetTimeDto,
    description: 'Time to make a callback the service center promised on a contact',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetTimeDto)
  callback?: TargetTimeDto | null;

  @ApiProperty({ required: false, nullable: true, example: 'KKiK: e-mail answered within 1 working day' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
