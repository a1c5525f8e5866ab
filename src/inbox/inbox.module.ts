import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { DepartmentInboxService } from './department-inbox.service';

@Module({
  imports: [CasesModule, OrganisationModule],
  providers: [DepartmentInboxService],
  exports: [DepartmentInboxService],
})
export class InboxModule {}
