import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { scoped, tenantIdOf } from '../../../core/database/tenant-scoped.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { TenantClosedEvent } from '../../tenancy/index.js';
import { isObjectId } from '../tenant-webhooks.events.js';
import { WebhookDelivery } from '../schemas/webhook-delivery.schema.js';
import { WebhookEndpoint } from '../schemas/webhook-endpoint.schema.js';

/** A closed tenant's endpoints and deliveries go with it (endpoints first: nothing new is made meanwhile). */
@Injectable()
export class TenantWebhooksTenancyListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    @InjectModel(WebhookEndpoint.name) private readonly endpoints: Model<WebhookEndpoint>,
    @InjectModel(WebhookDelivery.name) private readonly deliveries: Model<WebhookDelivery>,
  ) {}

  onModuleInit(): void {
    this.relay.on('tenant.closed', 'tenant-webhooks', async ({ tenantId }: TenantClosedEvent, key) => {
      this.policy.require(systemContext(key), 'webhook.system');
      if (!isObjectId(tenantId)) return;
      await scoped(this.endpoints).deleteMany({ tenantId: tenantIdOf(tenantId) });
      await scoped(this.deliveries).deleteMany({ tenantId: tenantIdOf(tenantId) });
    });
  }
}
