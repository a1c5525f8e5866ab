import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CitizensModule } from '../citizens/citizens.module';
import { ContactsModule } from '../contacts/contacts.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CaseAccessLog } from './case-access-log.service';
import { CaseChangePublisher } from './case-change-publisher.service';
import { CaseImportWriter } from './case-import-writer.service';
import { CasePersonalDataService } from './case-personal-data.service';
import { CaseRecordsService } from './case-records.service';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesService } from './cases.service';
import { CaseAccess } from './entities/case-access.entity';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { ReferenceCounter } from './entities/reference-counter.entity';

const SERVICES = [
  CasesService,
  CaseWorkflowService,
  CaseRecordsService,
  CaseChangePublisher,
  CaseAccessLog,
  CaseImportWriter,
  CasePersonalDataService,
];

/**
 * Cases: the one writer of cases and their timelines (CaseWorkflowService, and CaseImportWriter
 * for history), what staff read (CasesService), the read model other areas use
 * (CaseRecordsService), the change events they listen to (CaseChangePublisher) and the access
 * log of confidential cases (CaseAccessLog).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Case, CaseEvent, CaseAccess, ReferenceCounter]),
    CatalogModule,
    CitizensModule,
    ContactsModule,
    OrganisationModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class CasesModule {}
