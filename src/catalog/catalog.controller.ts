import { Body, Controller, Get, Param, ParseBoolPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CatalogService } from './catalog.service';
import { CreateCatalogEntryDto, UpdateCatalogEntryDto } from './dto/catalog-entry.dto';
import { CatalogEntryResponse, toCatalogEntryResponse } from './dto/catalog-entry.response';

@ApiTags('catalog')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiQuery({ name: 'includeInactive', required: false, type: Boolean })
  @ApiOkResponse({ type: [CatalogEntryResponse] })
  @ApiErrors(400)
  async list(
    @Query('includeInactive', new ParseBoolPipe({ optional: true })) includeInactive?: boolean,
  ): Promise<CatalogEntryResponse[]> {
    return (await this.catalog.list({ includeInactive })).map(toCatalogEntryResponse);
  }

  @Get(':code')
  @ApiOkResponse({ type: CatalogEntryResponse })
  @ApiErrors(404)
  async get(@Param('code') code: string): Promise<CatalogEntryResponse> {
    return toCatalogEntryResponse(await this.catalog.get(code));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CatalogEntryResponse })
  @ApiErrors(400, 403, 409)
  async create(@Body() body: CreateCatalogEntryDto): Promise<CatalogEntryResponse> {
    return toCatalogEntryResponse(await this.catalog.create(body));
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOkResponse({ type: CatalogEntryResponse })
  @ApiErrors(400, 403, 404)
  async update(@Param('code') code: string, @Body() body: UpdateCatalogEntryDto): Promise<CatalogEntryResponse> {
    return toCatalogEntryResponse(await this.catalog.update(code, body));
  }
}
