import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { LONGEST_DELAY_HOURS, PUBLISHED_CONTENTS, PublishedContent } from '../register-publication';

/** How a catalog type is published in the public register. */
export class PublicationRuleDto {
  @ApiProperty({ example: 24, minimum: 0, maximum: LONGEST_DELAY_HOURS, description: 'Hours after receipt' })
  @IsInt()
  @Min(0)
  @Max(LONGEST_DELAY_HOURS)
  delayHours: number;

  @ApiProperty({
    enum: PUBLISHED_CONTENTS,
    description: 'summary: with its redacted summary; existence: that it exists',
  })
  @IsIn(PUBLISHED_CONTENTS)
  publishes: PublishedContent;
}

export class PublicationRuleResponse {
  @ApiProperty({ example: 'street_light' })
  catalogCode: string;

  @ApiProperty({ example: 24 })
  delayHours: number;

  @ApiProperty({ enum: PUBLISHED_CONTENTS })
  publishes: PublishedContent;

  @ApiProperty({ description: 'The default rule: the type has none of its own' })
  isDefault: boolean;
}
