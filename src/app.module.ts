import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CatalogModule } from './catalog/catalog.module';
import { CitizensModule } from './citizens/citizens.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './contacts/contacts.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { OrganisationModule } from './organisation/organisation.module';
import { TelephonyModule } from './telephony/telephony.module';
import { TriageModule } from './triage/triage.module';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule,
    AuthModule,
    CitizensModule,
    OrganisationModule,
    CatalogModule,
    ContactsModule,
    CasesModule,
    TriageModule,
    DuplicatesModule,
    HealthModule,
    DemoModule,
    ImportsModule,
    TelephonyModule,
  ],
})
export class AppModule {}
