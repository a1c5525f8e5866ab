import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CallbacksService } from './callbacks.service';
import { CallbackMadeDto } from './dto/callback-made.dto';
import { RecordCallbackDto } from './dto/record-callback.dto';
import { ContactCallback } from './entities/contact-callback.entity';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  /** The citizen has been called back, reached or not; 409 if the contact owed no callback or it is already recorded. */
  @Post(':id/callback')
  record(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: RecordCallbackDto,
  ): Promise<ContactCallback> {
    return this.callbacks.recordMade(staff, id, body.madeAt, { reached: body.reached, note: body.note });
  }

  /** The same, without saying whether the citizen was reached (taken as reached). */
  @Post(':id/callback-made')
  recordMade(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CallbackMadeDto,
  ): Promise<ContactCallback> {
    return this.callbacks.recordMade(staff, id, body.madeAt);
  }
}
