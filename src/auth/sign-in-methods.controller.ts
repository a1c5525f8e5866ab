import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SignInMethodsResponse, toSignInMethodsResponse } from './dto/sign-in-methods.response';
import { Public } from './public.decorator';

/** Which sign-in methods are on, for a sign-in page to offer before anyone has a token. */
@ApiTags('auth')
@Controller('api/v1/auth/methods')
export class SignInMethodsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: SignInMethodsResponse })
  methods(): SignInMethodsResponse {
    return toSignInMethodsResponse(this.config);
  }
}
