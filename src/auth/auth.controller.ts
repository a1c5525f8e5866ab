import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswer, ApiErrors } from '../common/api-errors.decorator';
import { AuthService } from './auth.service';
import { CurrentStaff } from './current-staff.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
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
  @ApiErrors(400, 401, 429)
  @ApiErrorAnswer(404, SIGN_IN_METHOD_OFF)
  async login(@Body() body: LoginDto, @Ip() address: string | undefined): Promise<LoginResponse> {
    return toLoginResponse(await this.auth.login(body.email, body.password, address ?? 'unknown'));
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the token presented stops working at once' })
  @ApiErrors(401)
  async logout(@CurrentStaff() staff: StaffPrincipal): Promise<void> {
    await this.auth.logout(staff);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: "Changed: the caller's other sessions end; the token presented goes on working",
  })
  @ApiErrors(400, 401, 429)
  async changePassword(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: ChangePasswordDto,
    @Ip() address: string | undefined,
  ): Promise<void> {
    await this.auth.changePassword(staff, body.currentPassword, body.newPassword, address ?? 'unknown');
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: CurrentStaffResponse })
  @ApiErrors(401)
  me(@CurrentStaff() staff: StaffPrincipal): CurrentStaffResponse {
    return toCurrentStaffResponse(staff);
  }
}
