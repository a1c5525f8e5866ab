import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { DepartmentInboxController } from './department-inbox.controller';
import { DepartmentInboxService } from './department-inbox.service';

@Module({
  imports: [CasesModule, OrganisationModule],
  controllers: [DepartmentInboxController],
  providers: [DepartmentInboxService],
})
export class InboxModule {}
