import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { ServicePoint } from '../entities/service-point.entity';
import { SERVICE_POINT_KINDS } from '../organisation.types';

/** Where contacts happen: the main desk, the phone line, e-mail, the web, a library branch office. */
export class ServicePointResponse {
  @ApiProperty({ example: 'LIB-EKBACKEN' })
  code: string;

  @ApiProperty({ example: 'Ekbackens bibliotek (filial)' })
  name: string;

  @ApiProperty({ enum: SERVICE_POINT_KINDS })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: 'Stortorget 1, 139 30 Norrvika' })
  address: string | null;

  @ApiProperty({ description: 'false: no longer offered for new contacts' })
  active: boolean;

  @ApiInstant('When it was added')
  createdAt: Date;
}

export function toServicePointResponse(point: ServicePoint): ServicePointResponse {
  return {
    code: point.code,
    name: point.name,
    kind: point.kind,
    address: point.address,
    active: point.active,
    createdAt: point.createdAt,
  };
}
