import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CitizensModule } from '../citizens/citizens.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPublicationRule } from './entities/register-publication-rule.entity';
import { PublicRegisterService } from './public-register.service';
import { PublishRegisterEntryJob } from './publish-register-entry.job';
import { RegisterEntriesService } from './register-entries.service';
import { RegisterEntryListener } from './register-entry.listener';
import { RegisterPlanner } from './register-planner.service';
import { RegisterPublisher } from './register-publisher.service';
import { RegisterReconciler } from './register-reconciler.service';
import { RegisterRulesService } from './register-rules.service';

/**
 * The public case register (diarium): an entry per case, kept in step with the case, published
 * after its type's delay with its text redacted (redaction.ts), read by anyone
 * (PublicRegisterService) and worked by handlers (RegisterEntriesService, RegisterRulesService).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RegisterEntry, RegisterPublicationRule]),
    CalendarModule,
    CasesModule,
    CatalogModule,
    CitizensModule,
    OrganisationModule,
  ],
  providers: [
    RegisterPlanner,
    RegisterEntryListener,
    RegisterPublisher,
    PublishRegisterEntryJob,
    RegisterReconciler,
    RegisterRulesService,
    RegisterEntriesService,
    PublicRegisterService,
  ],
  exports: [PublicRegisterService, RegisterEntriesService, RegisterRulesService, RegisterPlanner],
})
export class RegisterModule {}
