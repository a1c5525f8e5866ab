import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { TriageService } from './triage.service';

@Module({
  imports: [CatalogModule, CasesModule],
  providers: [TriageService],
  exports: [TriageService],
})
export class TriageModule {}
