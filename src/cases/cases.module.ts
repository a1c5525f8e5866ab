import { Module } from '@nestjs/common';
import { CaseActionsService } from './case-actions.service';
import { CaseHooks } from './case-hooks';
import { CasesService } from './cases.service';

@Module({
  providers: [CasesService, CaseActionsService, CaseHooks],
  exports: [CasesService, CaseActionsService, CaseHooks],
})
export class CasesModule {}
