import { Module } from '@nestjs/common';
import { CaseActionsService } from './case-actions.service';
import { CaseHooks } from './case-hooks';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseActionsService, CaseHooks],
  exports: [CasesService, CaseActionsService, CaseHooks],
})
export class CasesModule {}
