import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CasePhotosService } from './case-photos.service';
import { CaseTrackingService } from './case-tracking.service';
import { CitizenReportsService } from './citizen-reports.service';
import { CasePhoto } from './entities/case-photo.entity';
import { ReportThrottle } from './report-throttle.service';

/**
 * The citizens' own way in on the web: reports through the e-service form (with photos, stripped
 * of their metadata) and status tracking with the key from the receipt. Its pages are in src/web.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CasePhoto]), CasesModule, CatalogModule, OrganisationModule],
  providers: [CitizenReportsService, CaseTrackingService, CasePhotosService, ReportThrottle],
  exports: [CitizenReportsService, CaseTrackingService, CasePhotosService, ReportThrottle],
})
export class EServiceModule {}
