import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { TenantWebhooksDeliverJob } from './jobs/deliver.job.js';
import { TenantWebhooksLeadsListeners } from './listeners/leads.listeners.js';
import { TenantWebhooksTenancyListeners } from './listeners/tenancy.listeners.js';
import { TenantWebhooksVoiceCallsListeners } from './listeners/voice-calls.listeners.js';
import { WebhookDelivery, WebhookDeliverySchema } from './schemas/webhook-delivery.schema.js';
import { WebhookEndpoint, WebhookEndpointSchema } from './schemas/webhook-endpoint.schema.js';
import { tenantWebhooksConfigProvider } from './tenant-webhooks.config.js';
import { TENANT_WEBHOOKS_PERMISSIONS } from './tenant-webhooks.permissions.js';
import { WebhookDeliveriesController } from './webhook-deliveries.controller.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookEndpointsController } from './webhook-endpoints.controller.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhookSender } from './webhook-sender.js';
import { webhookTransportProvider } from './webhook-transport.js';

/**
 * Tenant outbound webhooks: HTTPS endpoints a tenant registers for `call.completed` and `lead.updated`, and
 * the signed deliveries made from those events (through the relay: no voice module is imported), retried
 * with backoff and listed with their attempts.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: WebhookEndpoint.name, schema: WebhookEndpointSchema },
      { name: WebhookDelivery.name, schema: WebhookDeliverySchema },
    ]),
  ],
  controllers: [WebhookEndpointsController, WebhookDeliveriesController],
  providers: [
    tenantWebhooksConfigProvider,
    webhookTransportProvider,
    WebhookSender,
    WebhookEndpointsService,
    WebhookDeliveriesService,
    TenantWebhooksDeliverJob,
    TenantWebhooksVoiceCallsListeners,
    TenantWebhooksLeadsListeners,
    TenantWebhooksTenancyListeners,
  ],
})
export class TenantWebhooksModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(TENANT_WEBHOOKS_PERMISSIONS);
  }
}
