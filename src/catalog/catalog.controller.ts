import { Body, Controller, Get, Param, ParseBoolPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CatalogEntryView } from './catalog-entry.view';
import { CatalogService } from './catalog.service';
import { CreateCatalogEntryDto, UpdateCatalogEntryDto } from './dto/catalog-entry.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/v1/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiQuery({ name: 'includeInactive', required: false, type: Boolean })
  list(
    @Query('includeInactive', new ParseBoolPipe({ optional: true })) includeInactive?: boolean,
  ): Promise<CatalogEntryView[]> {
    return this.catalog.list({ includeInactive });
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<CatalogEntryView> {
    return this.catalog.get(code);
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateCatalogEntryDto): Promise<CatalogEntryView> {
    return this.catalog.create(body);
  }

  @Patch(':code')
  @Roles('admin')
  update(@Param('code') code: string, @Body() body: UpdateCatalogEntryDto): Promise<CatalogEntryView> {
    return this.catalog.update(code, body);
  }
}
