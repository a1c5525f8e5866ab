import { Module } from '@nestjs/common';
import { CaseImportController } from './case-import.controller';
import { CaseImportService } from './case-import.service';

/** Historical data brought in from the systems the service center used before. */
@Module({
  controllers: [CaseImportController],
  providers: [CaseImportService],
})
export class ImportsModule {}
