import { Module } from '@nestjs/common';
import { CaseImportService } from './case-import.service';

/** Historical data brought in from the systems the service center used before. */
@Module({
  providers: [CaseImportService],
  exports: [CaseImportService],
})
export class ImportsModule {}
