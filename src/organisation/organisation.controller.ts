import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import { CreateServicePointDto } from './dto/service-point.dto';
import { Department } from './entities/department.entity';
import { ServicePoint } from './entities/service-point.entity';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/v1')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get('departments')
  listDepartments(): Promise<Department[]> {
    return this.organisation.listDepartments();
  }

  @Post('departments')
  @Roles('admin')
  createDepartment(@Body() body: CreateDepartmentDto): Promise<Department> {
    return this.organisation.createDepartment(body);
  }

  @Get('departments/:code')
  getDepartment(@Param('code') code: string): Promise<Department> {
    return this.organisation.getDepartment(code);
  }

  @Patch('departments/:code')
  @Roles('admin')
  updateDepartment(@Param('code') code: string, @Body() body: UpdateDepartmentDto): Promise<Department> {
    return this.organisation.updateDepartment(code, body);
  }

  @Get('service-points')
  listServicePoints(): Promise<ServicePoint[]> {
    return this.organisation.listServicePoints();
  }

  @Post('service-points')
  @Roles('admin')
  createServicePoint(@Body() body: CreateServicePointDto): Promise<ServicePoint> {
    return this.organisation.createServicePoint(body);
  }
}
