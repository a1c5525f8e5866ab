import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { DepartmentWebhooksService } from './department-webhooks.service';
import { DepartmentWebhookResponse, toDepartmentWebhookResponse } from './dto/department-webhook.response';
import { PutDepartmentWebhookDto } from './dto/put-department-webhook.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api/v1/departments/:code/webhook')
@Roles('admin')
export class DepartmentWebhookController {
  constructor(private readonly webhooks: DepartmentWebhooksService) {}

  @Get()
  @ApiOperation({ summary: "The department's webhook, without its secret" })
  @ApiOkResponse({ type: DepartmentWebhookResponse })
  @ApiErrors(404)
  async get(@Param('code') code: string): Promise<DepartmentWebhookResponse> {
    return toDepartmentWebhookResponse(await this.webhooks.get(code));
  }

  @Put()
  @ApiOperation({ summary: 'Set where the department system hears of cases routed to the department' })
  @ApiOkResponse({ type: DepartmentWebhookResponse })
  @ApiErrors(400, 404)
  async put(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Body() body: PutDepartmentWebhookDto,
  ): Promise<DepartmentWebhookResponse> {
    return toDepartmentWebhookResponse(await this.webhooks.put(staff, code, body));
  }
}
