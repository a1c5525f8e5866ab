import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CASE_KINDS, CaseKind, PRIORITIES, Priority } from '../../catalog/catalog.types';
import { Channel, CHANNELS } from '../../contacts/contact.types';

/** The facts of a case or contact to find the targets for; the kind follows from a catalog type when one is given. */
export class ApplicableTargetsQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  catalogCode?: string;

  @ApiProperty({ required: false, enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiProperty({ required: false, enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiProperty({ required: false, enum: CHANNELS, default: 'phone' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}
