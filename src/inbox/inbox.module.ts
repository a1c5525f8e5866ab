import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DepartmentInboxService } from './department-inbox.service';

@Module({
  imports: [CasesModule],
  providers: [DepartmentInboxService],
  exports: [DepartmentInboxService],
})
export class InboxModule {}
