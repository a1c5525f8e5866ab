import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { RegisterModule } from '../register/register.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CaseImportService } from './case-import.service';

/** Historical data brought in from the systems the service center used before; the cases area writes them. */
@Module({
  imports: [CalendarModule, CasesModule, CatalogModule, OrganisationModule, RegisterModule],
  providers: [CaseImportService],
  exports: [CaseImportService],
})
export class ImportsModule {}
