import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { AreaRule } from '../entities/area-rule.entity';

/** Cases of one catalog type in one area go to another department than the type's own. */
export class AreaRuleResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'street_light' })
  catalogCode: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The first 1-5 digits of a Swedish postal code; set, or district is',
    example: '1394',
  })
  postalCodePrefix: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "A district name the case's address mentions",
    example: 'Lövudden',
  })
  district: string | null;

  @ApiProperty({ description: 'The department such cases go to', example: 'VA' })
  departmentCode: string;

  @ApiProperty({ description: 'Higher wins when several rules match', example: 0 })
  priority: number;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The admin who added it' })
  createdById: string | null;

  @ApiInstant('When it was added')
  createdAt: Date;
}

export function toAreaRuleResponse(rule: AreaRule): AreaRuleResponse {
  return {
    id: rule.id,
    catalogCode: rule.catalogCode,
    postalCodePrefix: rule.postalCodePrefix,
    district: rule.district,
    departmentCode: rule.departmentCode,
    priority: rule.priority,
    note: rule.note,
    createdById: rule.createdById,
    createdAt: rule.createdAt,
  };
}
