import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswer, ApiErrors } from '../common/api-errors.decorator';
import { AuthService } from './auth.service';
import { CurrentStaff } from './current-staff.decorator';
import { CurrentStaffResponse, toCurrentStaffResponse } from './dto/current-staff.response';
import { LoginDto } from './dto/login.dto';
import { LoginResponse, toLoginResponse } from './dto/login.response';
import { PasswordLoginGuard } from './password-login.guard';
import { Public } from './public.decorator';
import { StaffPrincipal } from './roles';
import { SIGN_IN_METHOD_OFF } from './sign-in-error-answers';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(PasswordLoginGuard)
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 401)
  @ApiErrorAnswer(404, SIGN_IN_METHOD_OFF)
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    return toLoginResponse(await this.auth.login(body.email, body.password));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: CurrentStaffResponse })
  @ApiErrors(401)
  me(@CurrentStaff() staff: StaffPrincipal): CurrentStaffResponse {
    return toCurrentStaffResponse(staff);
  }
}
