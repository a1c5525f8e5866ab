import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { CallbackTargetsService } from './callback-targets.service';
import { OwedCallbacksQuery } from './dto/owed-callbacks-query.dto';
import { OwedCallbackPageResponse, toOwedCallbackResponse } from './dto/owed-callback.response';

@ApiTags('contacts')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/callbacks')
export class CallbackTargetsController {
  constructor(private readonly callbacks: CallbackTargetsService) {}

  /** Promised callbacks with their due times; by default those not made yet, soonest due first. */
  @Get()
  @Roles('agent', 'manager', 'admin')
  @ApiOkResponse({ type: OwedCallbackPageResponse, description: 'Soonest due first' })
  @ApiErrors(400, 403)
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: OwedCallbacksQuery,
  ): Promise<OwedCallbackPageResponse> {
    return toPageResponse(await this.callbacks.list(staff, query), toOwedCallbackResponse);
  }
}
