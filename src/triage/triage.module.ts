import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { TriageService } from './triage.service';

@Module({
  imports: [CatalogModule],
  providers: [TriageService],
  exports: [TriageService],
})
export class TriageModule {}
