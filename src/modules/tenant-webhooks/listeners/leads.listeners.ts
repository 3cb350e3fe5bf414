import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { LeadUpdatedEvent } from '../../leads/index.js';
import { isObjectId } from '../tenant-webhooks.events.js';
import { WebhookDeliveriesService } from '../webhook-deliveries.service.js';

/** A lead change becomes a `lead.updated` delivery to each subscribed endpoint. */
@Injectable()
export class TenantWebhooksLeadsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('lead.updated', 'tenant-webhooks', (event, key) => this.leadUpdated(event, key));
  }

  async leadUpdated(event: LeadUpdatedEvent, key: string): Promise<void> {
    this.policy.require(systemContext(key), 'webhook.system');
    if (!isObjectId(event.tenantId)) return;
    await this.deliveries.fromEvent(event.tenantId, 'lead.updated', key, event.leadUpdatedAt, { ...event });
  }
}
