import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { StaffUserResponse, toStaffUserResponse } from './dto/staff-user.response';
import { Roles } from './roles.decorator';
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
}
