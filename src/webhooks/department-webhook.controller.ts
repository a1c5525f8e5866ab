import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { DepartmentWebhookView } from './department-webhook.view';
import { DepartmentWebhooksService } from './department-webhooks.service';
import { PutDepartmentWebhookDto } from './dto/put-department-webhook.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/departments/:code/webhook')
@Roles('admin')
export class DepartmentWebhookController {
  constructor(private readonly webhooks: DepartmentWebhooksService) {}

  @Get()
  @ApiOperation({ summary: "The department's webhook, without its secret" })
  get(@Param('code') code: string): Promise<DepartmentWebhookView> {
    return this.webhooks.get(code);
  }

  @Put()
  @ApiOperation({ summary: 'Set where the department system hears of cases routed to the department' })
  put(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Body() body: PutDepartmentWebhookDto,
  ): Promise<DepartmentWebhookView> {
    return this.webhooks.put(staff, code, body);
  }
}
