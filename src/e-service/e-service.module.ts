import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { RatingsModule } from '../ratings/ratings.module';
import { CasePhotosService } from './case-photos.service';
import { CaseSurveyService } from './case-survey.service';
import { CaseTrackingService } from './case-tracking.service';
import { CitizenReportsService } from './citizen-reports.service';
import { CasePhoto } from './entities/case-photo.entity';
import { ReportThrottle } from './report-throttle.service';

/**
 * The citizens' own way in on the web: reports through the e-service form (with photos, stripped
 * of their metadata), status tracking with the key from the receipt, and the satisfaction survey
 * after resolution. Its pages are in src/web.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CasePhoto]), CasesModule, CatalogModule, OrganisationModule, RatingsModule],
  providers: [CitizenReportsService, CaseTrackingService, CasePhotosService, CaseSurveyService, ReportThrottle],
  exports: [CitizenReportsService, CaseTrackingService, CasePhotosService, CaseSurveyService, ReportThrottle],
})
export class EServiceModule {}
