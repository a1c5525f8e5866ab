import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import { DepartmentResponse, toDepartmentResponse } from './dto/department.response';
import { CreateServicePointDto } from './dto/service-point.dto';
import { ServicePointResponse, toServicePointResponse } from './dto/service-point.response';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get('departments')
  @ApiOkResponse({ type: [DepartmentResponse], description: 'By code' })
  async listDepartments(): Promise<DepartmentResponse[]> {
    return (await this.organisation.listDepartments()).map(toDepartmentResponse);
  }

  @Post('departments')
  @Roles('admin')
  @ApiCreatedResponse({ type: DepartmentResponse })
  @ApiErrors(400, 403, 409)
  async createDepartment(@Body() body: CreateDepartmentDto): Promise<DepartmentResponse> {
    return toDepartmentResponse(await this.organisation.createDepartment(body));
  }

  @Get('departments/:code')
  @ApiOkResponse({ type: DepartmentResponse })
  @ApiErrors(404)
  async getDepartment(@Param('code') code: string): Promise<DepartmentResponse> {
    return toDepartmentResponse(await this.organisation.getDepartment(code));
  }

  @Patch('departments/:code')
  @Roles('admin')
  @ApiOkResponse({ type: DepartmentResponse })
  @ApiErrors(400, 403, 404)
  async updateDepartment(@Param('code') code: string, @Body() body: UpdateDepartmentDto): Promise<DepartmentResponse> {
    return toDepartmentResponse(await this.organisation.updateDepartment(code, body));
  }

  @Get('service-points')
  @ApiOkResponse({ type: [ServicePointResponse], description: 'By code' })
  async listServicePoints(): Promise<ServicePointResponse[]> {
    return (await this.organisation.listServicePoints()).map(toServicePointResponse);
  }

  @Post('service-points')
  @Roles('admin')
  @ApiCreatedResponse({ type: ServicePointResponse })
  @ApiErrors(400, 403, 409)
  async createServicePoint(@Body() body: CreateServicePointDto): Promise<ServicePointResponse> {
    return toServicePointResponse(await this.organisation.createServicePoint(body));
  }
}
