import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogService } from './catalog.service';
import { CatalogEntry } from './entities/catalog-entry.entity';
import { OrganisationModule } from '../organisation/organisation.module';

@Module({
  imports: [TypeOrmModule.forFeature([CatalogEntry]), OrganisationModule],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
