import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { RegisterPageResponse } from './dto/register-page.response';
import { RegisterQuery } from './dto/register-query.dto';
import { PublicRegisterService } from './public-register.service';

/** The public case register (diarium) as JSON: no sign-in, personal data redacted when published. */
@ApiTags('public register')
@Controller('public/v1/register')
export class PublicRegisterController {
  constructor(private readonly register: PublicRegisterService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: RegisterPageResponse })
  @ApiErrors(400)
  search(@Query() query: RegisterQuery): Promise<RegisterPageResponse> {
    return this.register.search(query);
  }
}
