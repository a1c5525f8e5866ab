import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, StatisticsReportResponse } from './statistics-report.response';

/** The contact figures of one group, by outcome (definitions: docs/statistics.md). */
export class ContactStatisticsRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'Contacts started in the period' })
  contacts: number;

  @ApiProperty({ ...COUNT, description: 'Outcome answered' })
  answered: number;

  @ApiProperty({ ...COUNT, description: 'Outcome case_created' })
  caseCreated: number;

  @ApiProperty({ ...COUNT, description: 'Outcome referred' })
  referred: number;

  @ApiProperty({ ...COUNT, description: 'Outcome message_taken' })
  messageTaken: number;

  @ApiProperty({ ...COUNT, description: 'Outcome callback_promised' })
  callbackPromised: number;

  @ApiProperty({ ...COUNT, description: 'Outcome abandoned' })
  abandoned: number;

  @ApiProperty({ ...COUNT, description: 'Answered at the first contact: outcome answered' })
  answeredAtFirstContact: number;

  @ApiProperty({ ...COUNT, description: 'The base of that share: every contact but the abandoned ones' })
  answeredAtFirstContactBase: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'answeredAtFirstContact / answeredAtFirstContactBase, percent; null when the base is 0',
  })
  answeredAtFirstContactPercent: number | null;
}

/** The contacts report measures against no targets: an empty object. */
class ContactStatisticsTargetsResponse {}

/** GET /api/v1/statistics/contacts. */
export class ContactStatisticsResponse extends StatisticsReportResponse(
  'contacts',
  ContactStatisticsRowResponse,
  ContactStatisticsTargetsResponse,
) {}
