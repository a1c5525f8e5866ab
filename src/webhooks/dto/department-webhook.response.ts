import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { DepartmentWebhookView } from '../department-webhook.view';

/** Where a department system hears of cases routed to the department; the secret is never sent. */
export class DepartmentWebhookResponse {
  @ApiProperty({ example: 'TEK' })
  departmentCode: string;

  @ApiProperty({ example: 'https://workorders.norrvika.example/hooks/onewayin' })
  url: string;

  @ApiProperty({ description: 'false: no new deliveries, the address is kept' })
  active: boolean;

  @ApiProperty({ enum: [true], description: 'A signing secret is set (always: one is required)' })
  hasSecret: true;

  @ApiInstant('When it was first set')
  createdAt: Date;

  @ApiInstant('The last change')
  updatedAt: Date;
}

export function toDepartmentWebhookResponse(webhook: DepartmentWebhookView): DepartmentWebhookResponse {
  return {
    departmentCode: webhook.departmentCode,
    url: webhook.url,
    active: webhook.active,
    hasSecret: webhook.hasSecret,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
  };
}
