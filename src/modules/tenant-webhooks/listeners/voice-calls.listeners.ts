import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { CallCompletedEvent } from '../../voice-calls/index.js';
import { isObjectId } from '../tenant-webhooks.events.js';
import { WebhookDeliveriesService } from '../webhook-deliveries.service.js';

/** A call that reached its final status becomes a `call.completed` delivery to each subscribed endpoint. */
@Injectable()
export class TenantWebhooksVoiceCallsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('call.completed', 'tenant-webhooks', (event, key) => this.callCompleted(event, key));
  }

  async callCompleted(event: CallCompletedEvent, key: string): Promise<void> {
    this.policy.require(systemContext(key), 'webhook.system');
    if (!isObjectId(event.tenantId)) return;
    await this.deliveries.fromEvent(event.tenantId, 'call.completed', key, event.callEndedAt, { ...event });
  }
}
