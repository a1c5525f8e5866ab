import { ApiProperty } from '@nestjs/swagger';
import { COUNT, GROUP, StatisticsReportResponse } from './statistics-report.response';

/**
 * The share of one group's contacts given active service: answered, a case created, referred,
 * or a promised callback kept in time.
 */
export class ServiceIndexRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'Contacts started in the period' })
  contacts: number;

  @ApiProperty({ ...COUNT, description: 'Contacts given active service' })
  activeService: number;

  @ApiProperty({ ...COUNT, description: 'contacts - callbacksPending' })
  measured: number;

  @ApiProperty({ ...COUNT, description: 'Contacts whose promised callback is not yet due; left out' })
  callbacksPending: number;

  @ApiProperty({ type: Number, nullable: true, description: 'activeService / measured, percent' })
  serviceIndexPercent: number | null;

  @ApiProperty({ description: 'The target, percent', example: 95 })
  targetPercent: number;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'serviceIndexPercent >= targetPercent; null without data',
  })
  meetsTarget: boolean | null;
}

class ServiceIndexTargetsResponse {
  @ApiProperty({ description: 'The target, percent', example: 95 })
  targetPercent: number;

  @ApiProperty({ description: 'A callback counts when made within this many working days', example: 1 })
  callbackTargetWorkingDays: number;
}

/** GET /api/v1/statistics/service-index. */
export class ServiceIndexResponse extends StatisticsReportResponse(
  'service-index',
  ServiceIndexRowResponse,
  ServiceIndexTargetsResponse,
) {}
