import { Module } from '@nestjs/common';
import { CaseActionsService } from './case-actions.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseActionsService],
  exports: [CasesService, CaseActionsService],
})
export class CasesModule {}
