import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { ContactsModule } from '../contacts/contacts.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { RegisterModule } from '../register/register.module';
import { RatingsModule } from '../ratings/ratings.module';
import { ServiceTargetsModule } from '../service-targets/service-targets.module';
import { TelephonyModule } from '../telephony/telephony.module';
import { DemoHistorySeeder } from './demo-history-seeder.service';
import { DemoSeedService } from './demo-seed.service';

/** The demo municipality, seeded into an empty database outside production. */
@Module({
  imports: [
    OrganisationModule,
    CatalogModule,
    CasesModule,
    ContactsModule,
    CallbacksModule,
    TelephonyModule,
    RatingsModule,
    RegisterModule,
    ServiceTargetsModule,
  ],
  providers: [DemoSeedService, DemoHistorySeeder],
  exports: [DemoSeedService],
})
export class DemoModule {}
