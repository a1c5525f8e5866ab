import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { HasText } from '../../common/has-text.decorator';

/** A handler's decision about a case's register entry: withhold it, or publish their own wording. */
export class UpdateRegisterEntryDto {
  @ApiProperty({ required: false, description: 'Keep the case out of the public register (true), or let it in' })
  @IsOptional()
  @IsBoolean()
  withheld?: boolean;

  @ApiProperty({
    required: false,
    nullable: true,
    example: 'Klagomål på snöröjningen i Norrby',
    description: 'The summary to publish instead of the description (redacted too when published); null goes back',
  })
  @IsOptional()
  @IsString()
  @HasText()
  @MaxLength(2000)
  summary?: string | null;
}
