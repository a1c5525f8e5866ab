import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, StatisticsReportResponse } from './statistics-report.response';

const INDEX = { type: Number, nullable: true, minimum: 0, maximum: 100 } as const;

/** Citizen rating indexes of one group, 0-100: each score 1-5 counts as 0, 25, 50, 75 or 100. */
export class RatingStatisticsRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'Ratings given in the period' })
  ratings: number;

  @ApiProperty({ ...COUNT, description: 'Ratings with an ease score' })
  easeAnswers: number;

  @ApiProperty({ ...INDEX, description: 'Ease index, two decimals; null without answers' })
  easeIndex: number | null;

  @ApiProperty({ ...COUNT, description: 'Ratings with a treatment score' })
  treatmentAnswers: number;

  @ApiProperty({ ...INDEX, description: 'Treatment index, two decimals; null without answers' })
  treatmentIndex: number | null;

  @ApiProperty({ ...COUNT, description: 'Ratings with a clarity score' })
  clarityAnswers: number;

  @ApiProperty({ ...INDEX, description: 'Clarity index, two decimals; null without answers' })
  clarityIndex: number | null;
}

class RatingScaleResponse {
  @ApiProperty({ example: '1-5 as 0, 25, 50, 75, 100' })
  scale: string;
}

/** GET /api/v1/statistics/ratings. */
export class RatingStatisticsResponse extends StatisticsReportResponse(
  'ratings',
  RatingStatisticsRowResponse,
  RatingScaleResponse,
) {}
