import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { Roles } from './roles.decorator';
import { StaffService, StaffUserView } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Roles('admin', 'manager')
  list(): Promise<StaffUserView[]> {
    return this.staff.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateStaffUserDto): Promise<StaffUserView> {
    return this.staff.create(body);
  }
}
