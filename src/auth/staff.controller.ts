import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { CurrentStaff } from './current-staff.decorator';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { SignInUnlockResponse, toSignInUnlockResponse } from './dto/sign-in-unlock.response';
import { StaffUserResponse, toStaffUserResponse } from './dto/staff-user.response';
import { UpdateStaffUserDto } from './dto/update-staff-user.dto';
import { Roles } from './roles.decorator';
import { StaffPrincipal } from './roles';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiOkResponse({ type: [StaffUserResponse], description: 'Every account, by e-mail' })
  @ApiErrors(403)
  async list(): Promise<StaffUserResponse[]> {
    return (await this.staff.list()).map(toStaffUserResponse);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: StaffUserResponse })
  @ApiErrors(400, 403, 409)
  async create(@Body() body: CreateStaffUserDto): Promise<StaffUserResponse> {
    return toStaffUserResponse(await this.staff.create(body));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({
    type: StaffUserResponse,
    description: 'The account after the change; deactivating ends its sessions',
  })
  @ApiErrors(400, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() body: UpdateStaffUserDto,
    @CurrentStaff() admin: StaffPrincipal,
  ): Promise<StaffUserResponse> {
    return toStaffUserResponse(await this.staff.update(id, body, admin));
  }

  @Post(':id/password')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set; every session of the account has ended' })
  @ApiErrors(400, 403, 404)
  async resetPassword(
    @Param('id') id: string,
    @Body() body: ResetPasswordDto,
    @CurrentStaff() admin: StaffPrincipal,
  ): Promise<void> {
    await this.staff.resetPassword(id, body.newPassword, admin);
  }

  @Post(':id/unlock')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SignInUnlockResponse, description: 'The account may sign in again' })
  @ApiErrors(403, 404)
  async unlock(@Param('id') id: string, @CurrentStaff() admin: StaffPrincipal): Promise<SignInUnlockResponse> {
    return toSignInUnlockResponse(id, await this.staff.unlock(id, admin));
  }
}
