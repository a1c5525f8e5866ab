import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AreasModule } from '../areas.module';
import { AdminCalendarController } from './admin/admin-calendar.controller';
import { AdminCatalogController } from './admin/admin-catalog.controller';
import { AdminDepartmentsController } from './admin/admin-departments.controller';
import { AdminPageController } from './admin/admin-page.controller';
import { AdminRoutingController } from './admin/admin-routing.controller';
import { AdminServiceTargetsController } from './admin/admin-service-targets.controller';
import { AdminStaffController } from './admin/admin-staff.controller';
import { AdminWebhooksController } from './admin/admin-webhooks.controller';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CasePageController } from './case-page.controller';
import { ConsoleAssetsController } from './console-assets.controller';
import { consoleFormParser, consoleSecurityHeaders } from './console-middleware';
import { ConsoleGuard } from './console.guard';
import { DashboardPageController } from './dashboard-page.controller';
import { DashboardReportsService } from './dashboard-reports.service';
import { DeskPageController } from './desk-page.controller';
import { DeskViewService } from './desk-view.service';
import { EServicePagesController } from './e-service-pages.controller';
import { eServiceUpload } from './e-service-upload';
import { InboxPageController } from './inbox-page.controller';
import { PageExceptionFilter } from './page-exception.filter';
import { PageRenderer } from './page-renderer.service';
import { RegisterPageController } from './register-page.controller';
import { SignInPagesController } from './sign-in-pages.controller';
import { SurveyPagesController } from './survey-pages.controller';
import { TrackingPagesController } from './tracking-pages.controller';

/**
 * The staff web console's controllers, in the order Express matches them. They are registered
 * with every other controller in ApiModule (the HTTP edge); this list is also what the console's
 * middleware (form bodies, security headers) applies to.
 */
export const CONSOLE_CONTROLLERS = [
  SignInPagesController,
  DeskPageController,
  InboxPageController,
  CasePageController,
  DashboardPageController,
  RegisterPageController,
  AdminPageController,
  AdminDepartmentsController,
  AdminStaffController,
  AdminCatalogController,
  AdminCalendarController,
  AdminServiceTargetsController,
  AdminRoutingController,
  AdminWebhooksController,
  ConsoleAssetsController,
  EServicePagesController,
  TrackingPagesController,
  SurveyPagesController,
];

/**
 * The staff web console's machinery: rendering pages in the reader's language, the session
 * cookie's guard, error pages, and for the console's routes the URL-encoded form parser and the
 * security headers (Content-Security-Policy and the rest). It owns no tables: the pages read and
 * change through the services the areas export, as the API's controllers do.
 */
@Module({
  imports: [AreasModule],
  providers: [PageRenderer, ConsoleGuard, PageExceptionFilter, DeskViewService, DashboardReportsService],
  exports: [PageRenderer, ConsoleGuard, PageExceptionFilter, DeskViewService, DashboardReportsService],
})
export class WebModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(consoleSecurityHeaders(this.config.nodeEnv === 'production'), consoleFormParser())
      .forRoutes(...CONSOLE_CONTROLLERS);
    // The e-service form is multipart (its photos); its parser runs before the guard checks the form's token.
    consumer.apply(eServiceUpload()).forRoutes({ path: 'e-service', method: RequestMethod.POST });
  }
}
