import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DepartmentWebhooksService } from './department-webhooks.service';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryReconciler } from './webhook-delivery-reconciler.service';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { DeliverWebhookJob } from './deliver-webhook.job';
import { WebhooksCaseListener } from './webhooks-case.listener';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';

/**
 * Signed HTTP deliveries to department systems (work orders to field staff, business
 * systems) for every case routed to the department: written in the case's transaction,
 * sent by the `webhooks` queue, logged, and resent by an admin when they fail.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentWebhook, WebhookDelivery]),
    CatalogModule,
    OrganisationModule,
    CasesModule,
  ],
  providers: [
    DepartmentWebhooksService,
    WebhookDeliveriesService,
    WebhookDispatchService,
    DeliverWebhookJob,
    WebhooksCaseListener,
    WebhookDeliveryReconciler,
  ],
  exports: [DepartmentWebhooksService, WebhookDeliveriesService],
})
export class WebhooksModule {}
