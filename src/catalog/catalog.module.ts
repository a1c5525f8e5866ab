import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogService } from './catalog.service';
import { CatalogEntry } from './entities/catalog-entry.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CatalogEntry])],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
