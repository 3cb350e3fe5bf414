import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { compact } from '../../core/database/find-page.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import type { Page } from '../../core/http/pagination.js';
import type { WebhookDeliveryDto, WebhookDeliveryListQueryDto } from './dto/webhook-delivery.dto.js';
import { deliveryNotFound, endpointNotFound } from './tenant-webhooks-problems.js';
import type { DeliveryEventType, WebhookEnvelope, WebhookEventType } from './tenant-webhooks.events.js';
import { toWebhookDeliveryDto } from './tenant-webhooks.mapper.js';
import { WebhookSender } from './webhook-sender.js';
import { WebhookDelivery } from './schemas/webhook-delivery.schema.js';
import { WebhookEndpoint } from './schemas/webhook-endpoint.schema.js';

const oid = (id: string) => new Types.ObjectId(id);

/** Deliveries: made from events (one per subscribed endpoint and occurrence), listed, redelivered, and pings. */
@Injectable()
export class WebhookDeliveriesService {
  private readonly deliveries: TenantScoped<WebhookDelivery>;
  private readonly endpoints: TenantScoped<WebhookEndpoint>;

  constructor(
    private readonly policy: PermissionPolicy,
    private readonly sender: WebhookSender,
    @InjectModel(WebhookDelivery.name) deliveries: Model<WebhookDelivery>,
    @InjectModel(WebhookEndpoint.name) endpoints: Model<WebhookEndpoint>,
  ) {
    this.deliveries = scoped(deliveries);
    this.endpoints = scoped(endpoints);
  }

  /**
   * One delivery per enabled endpoint of the tenant subscribed to `type`, keyed by the occurrence: the
   * unique (endpoint, event key) index turns a redelivered event into nothing new. Sent at once, in the
   * background; the job sends what that misses. Returns how many deliveries were made.
   */
  async fromEvent(
    tenantId: string,
    type: WebhookEventType,
    key: string,
    occurredAt: string | undefined,
    data: Record<string, unknown>,
  ): Promise<number> {
    const tenant = tenantIdOf(tenantId);
    const subscribed = await this.endpoints.find({ tenantId: tenant, enabled: true, events: type }, { _id: 1 });
    const at = occurredAt && !Number.isNaN(Date.parse(occurredAt)) ? new Date(occurredAt).toISOString() : new Date().toISOString();
    const made: Types.ObjectId[] = [];
    for (const endpoint of subscribed) {
      const id = await this.insert(tenant, endpoint._id, key, type, at, data);
      if (id) made.push(id);
    }
    this.sender.sendSoon(tenant, made);
    return made.length;
  }

  /** The delivery's id, or undefined when this endpoint already has one for the occurrence. */
  private async insert(
    tenantId: Types.ObjectId,
    endpointId: Types.ObjectId,
    eventKey: string,
    type: DeliveryEventType,
    createdAt: string,
    data: Record<string, unknown>,
  ): Promise<Types.ObjectId | undefined> {
    const _id = new Types.ObjectId();
    const envelope: WebhookEnvelope = { id: _id.toString(), type, createdAt, data };
    try {
      await this.deliveries.model.create({
        _id,
        tenantId,
        endpointId,
        eventKey,
        eventType: type,
        body: JSON.stringify(envelope),
        status: 'pending',
        nextAttemptAt: new Date(),
      });
      return _id;
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
  }

  async list(
    ctx: RequestContext,
    tenantId: string,
    endpointId: string,
    query: WebhookDeliveryListQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    const endpoint = await this.endpointOf(tenantId, endpointId);
    return this.deliveries.findPage(
      compact({ tenantId: endpoint.tenantId, endpointId: endpoint._id, status: query.status }),
      query,
      toWebhookDeliveryDto,
    );
  }

  /** A `ping` delivery to this endpoint, sent at once (also to a disabled endpoint, to check it before enabling). */
  async test(ctx: RequestContext, tenantId: string, endpointId: string): Promise<WebhookDeliveryDto> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'webhook.manage');
    const endpoint = await this.endpointOf(tenantId, endpointId);
    const key = `ping:${new Types.ObjectId().toString()}`;
    const id = await this.insert(endpoint.tenantId, endpoint._id, key, 'ping', new Date().toISOString(), {
      endpointId: endpoint._id.toString(),
      message: 'A test delivery from Atrium.',
    });
    const created = await this.deliveries.findOne({ tenantId: endpoint.tenantId, _id: id! });
    this.sender.sendSoon(endpoint.tenantId, [id!]);
    return toWebhookDeliveryDto(created!);
  }

  /**
   * Sends a delivery again, as a new round of attempts with the same body: a delivered or failed one goes
   * back to pending; a pending one is made due now (unless an attempt is under way).
   */
  async redeliver(ctx: RequestContext, tenantId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'webhook.manage');
    const endpoint = await this.endpointOf(tenantId, endpointId);
    const filter = { tenantId: endpoint.tenantId, endpointId: endpoint._id, _id: oid(deliveryId) };
    const now = new Date();
    const restarted =
      (await this.deliveries.findOneAndUpdate(
        { ...filter, status: trusted({ $in: ['delivered', 'failed'] }) },
        { $set: { status: 'pending', failedAttempts: 0, nextAttemptAt: now }, $unset: { deliveredAt: 1, failedAt: 1 } },
      )) ??
      (await this.deliveries.findOneAndUpdate(
        { ...filter, status: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: trusted({ $lte: now }) }] },
        { $set: { nextAttemptAt: now } },
      )) ??
      (await this.deliveries.findOne(filter));
    if (!restarted) throw deliveryNotFound();
    this.sender.sendSoon(endpoint.tenantId, [restarted._id]);
    return toWebhookDeliveryDto(restarted);
  }

  private async endpointOf(tenantId: string, endpointId: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findOne({ tenantId: tenantIdOf(tenantId), _id: oid(endpointId) });
    if (!endpoint) throw endpointNotFound();
    return endpoint;
  }
}
