import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Page } from '../common/pagination.dto';
import { CallbackTargetsService, OwedCallbackView } from './callback-targets.service';
import { OwedCallbacksQuery } from './dto/owed-callbacks-query.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/callbacks')
export class CallbackTargetsController {
  constructor(private readonly callbacks: CallbackTargetsService) {}

  /** Promised callbacks with their due times; by default those not made yet, soonest due first. */
  @Get()
  @Roles('agent', 'manager', 'admin')
  list(@Query() query: OwedCallbacksQuery): Promise<Page<OwedCallbackView>> {
    return this.callbacks.list(query);
  }
}
