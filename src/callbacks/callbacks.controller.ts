import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { CallbacksService } from './callbacks.service';
import { CallbackMadeDto } from './dto/callback-made.dto';
import { ContactCallbackResponse, toContactCallbackResponse } from './dto/contact-callback.response';
import { RecordCallbackDto } from './dto/record-callback.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/contacts')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  /** The citizen has been called back, reached or not; 409 if the contact owed no callback or it is already recorded. */
  @Post(':id/callback')
  @ApiCreatedResponse({ type: ContactCallbackResponse })
  @ApiErrors(400, 404, 409)
  async record(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: RecordCallbackDto,
  ): Promise<ContactCallbackResponse> {
    return toContactCallbackResponse(
      await this.callbacks.recordMade(staff, id, body.madeAt, { reached: body.reached, note: body.note }),
    );
  }

  /** The same, without saying whether the citizen was reached (taken as reached). */
  @Post(':id/callback-made')
  @ApiCreatedResponse({ type: ContactCallbackResponse })
  @ApiErrors(400, 404, 409)
  async recordMade(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CallbackMadeDto,
  ): Promise<ContactCallbackResponse> {
    return toContactCallbackResponse(await this.callbacks.recordMade(staff, id, body.madeAt));
  }
}
