import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { DemoSeedService } from './demo-seed.service';

/** The demo municipality, seeded into an empty database outside production. */
@Module({
  imports: [OrganisationModule, CatalogModule, CasesModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
