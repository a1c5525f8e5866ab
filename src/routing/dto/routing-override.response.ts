import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { RoutingOverride } from '../entities/routing-override.entity';

/** While it exists, every case of the catalog type goes to this department, whatever its area. */
export class RoutingOverrideResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'street_light' })
  catalogCode: string;

  @ApiProperty({ example: 'VA' })
  departmentCode: string;

  @ApiProperty({ example: 'The technical department is short-staffed in July' })
  reason: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The admin who set it' })
  createdById: string | null;

  @ApiInstant('When it was set')
  createdAt: Date;
}

export function toRoutingOverrideResponse(override: RoutingOverride): RoutingOverrideResponse {
  return {
    id: override.id,
    catalogCode: override.catalogCode,
    departmentCode: override.departmentCode,
    reason: override.reason,
    createdById: override.createdById,
    createdAt: override.createdAt,
  };
}
