import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DepartmentInboxController } from './department-inbox.controller';
import { DepartmentInboxService } from './department-inbox.service';

@Module({
  imports: [CasesModule],
  controllers: [DepartmentInboxController],
  providers: [DepartmentInboxService],
})
export class InboxModule {}
