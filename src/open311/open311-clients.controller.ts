import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  CreateOpen311ClientDto,
  IssuedOpen311ClientResponse,
  Open311ClientResponse,
  toOpen311ClientResponse,
} from './dto/open311-client.dto';
import {
  PutServiceDefinitionDto,
  ServiceDefinitionResponse,
  toServiceDefinitionResponse,
} from './dto/service-definition.dto';
import { Open311ClientsService } from './open311-clients.service';
import { Open311Service } from './open311.service';

/** Admins' side of the Open311 interface: client applications' API keys, and the attributes services ask for. */
@ApiTags('open311')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api/v1/open311')
@Roles('admin')
export class Open311ClientsController {
  constructor(
    private readonly clients: Open311ClientsService,
    private readonly open311: Open311Service,
  ) {}

  @Post('clients')
  @ApiOperation({ summary: 'Issue an API key to a client application; the key is shown in this answer only' })
  @ApiCreatedResponse({ type: IssuedOpen311ClientResponse })
  @ApiErrors(400)
  async issue(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: CreateOpen311ClientDto,
  ): Promise<IssuedOpen311ClientResponse> {
    const issued = await this.clients.issue(body.name, staff.id);
    return { ...toOpen311ClientResponse(issued), apiKey: issued.apiKey };
  }

  @Get('clients')
  @ApiOperation({ summary: 'The client applications, newest first, without their keys' })
  @ApiOkResponse({ type: [Open311ClientResponse] })
  async list(): Promise<Open311ClientResponse[]> {
    return (await this.clients.list()).map(toOpen311ClientResponse);
  }

  @Delete('clients/:id')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke a client application's key; it is refused from now on" })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(400, 404)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.clients.revoke(id);
  }

  @Put('services/:code/attributes')
  @ApiOperation({ summary: 'Set the attributes a service asks for (GET /open311/v2/services/{code})' })
  @ApiOkResponse({ type: ServiceDefinitionResponse })
  @ApiErrors(400, 404)
  async defineAttributes(
    @Param('code') code: string,
    @Body() body: PutServiceDefinitionDto,
  ): Promise<ServiceDefinitionResponse> {
    return toServiceDefinitionResponse(await this.open311.defineAttributes(code, body.attributes));
  }
}
