import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact } from '../../core/database/find-page.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { MAX_URL_LENGTH } from '../../core/net/index.js';
import type {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto.js';
import { endpointNotFound, tooManyEndpoints } from './tenant-webhooks-problems.js';
import { TenantWebhooksConfig } from './tenant-webhooks.config.js';
import { toWebhookEndpointDto } from './tenant-webhooks.mapper.js';
import { newSigningSecret } from './webhook-signature.js';
import { WebhookDelivery } from './schemas/webhook-delivery.schema.js';
import { WebhookEndpoint } from './schemas/webhook-endpoint.schema.js';

const oid = (id: string) => new Types.ObjectId(id);
const hintOf = (secret: string) => secret.slice(-4);

/** The URL as stored and called (WHATWG-normalized); 400 when normalizing (punycode, percent-encoding) makes it too long. */
function normalizedUrl(input: string): string {
  const url = new URL(input).toString();
  if (url.length > MAX_URL_LENGTH)
    throw new ValidationProblem([{ field: 'url', message: `is longer than ${MAX_URL_LENGTH} characters once normalized` }]);
  return url;
}

/** A tenant's webhook endpoints: registration, changes, secret rotation. */
@Injectable()
export class WebhookEndpointsService {
  private readonly endpoints: TenantScoped<WebhookEndpoint>;
  private readonly deliveries: TenantScoped<WebhookDelivery>;

  constructor(
    private readonly policy: PermissionPolicy,
    private readonly config: TenantWebhooksConfig,
    @InjectModel(WebhookEndpoint.name) endpoints: Model<WebhookEndpoint>,
    @InjectModel(WebhookDelivery.name) deliveries: Model<WebhookDelivery>,
  ) {
    this.endpoints = scoped(endpoints);
    this.deliveries = scoped(deliveries);
  }

  async list(ctx: RequestContext, tenantId: string, query: PageQueryDto): Promise<Page<WebhookEndpointDto>> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    return this.endpoints.findPage({ tenantId: tenantIdOf(tenantId) }, query, toWebhookEndpointDto);
  }

  /**
   * Registers an endpoint with a fresh secret, shown in this answer only. The per-tenant bound is checked
   * after the insert as well: of two creates racing past the first check, the later one is taken back.
   */
  async create(ctx: RequestContext, tenantId: string, input: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretDto> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'webhook.manage');
    const tenant = tenantIdOf(tenantId);
    const max = this.config.TENANT_WEBHOOKS_MAX_ENDPOINTS;
    if ((await this.endpoints.count({ tenantId: tenant })) >= max) throw tooManyEndpoints(max);
    const secret = newSigningSecret();
    const created = await this.endpoints.model.create({
      tenantId: tenant,
      url: normalizedUrl(input.url),
      events: input.events,
      description: input.description,
      enabled: input.enabled ?? true,
      secret,
      secretHint: hintOf(secret),
      createdBy: ctx.actor ? oid(ctx.actor.id) : undefined,
    });
    const newest = await this.endpoints.model
      .find({ tenantId: tenant }, { _id: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .skip(max)
      .lean<{ _id: Types.ObjectId }[]>();
    if (newest.some(({ _id }) => _id.equals(created._id))) {
      await this.endpoints.deleteOne({ tenantId: tenant, _id: created._id });
      throw tooManyEndpoints(max);
    }
    return { ...toWebhookEndpointDto(created.toObject() as WebhookEndpoint), secret };
  }

  async get(ctx: RequestContext, tenantId: string, endpointId: string): Promise<WebhookEndpointDto> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    return toWebhookEndpointDto(await this.load(tenantId, endpointId));
  }

  async update(ctx: RequestContext, tenantId: string, endpointId: string, input: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'webhook.manage');
    const before = await this.load(tenantId, endpointId);
    const set = compact({
      url: input.url === undefined ? undefined : normalizedUrl(input.url),
      events: input.events,
      description: input.description,
      enabled: input.enabled,
      // Enabled again by its managers: a fresh start, whatever disabled it.
      ...(input.enabled === true ? { consecutiveFailures: 0 } : {}),
    });
    const updated = await this.endpoints.findOneAndUpdate(
      { tenantId: before.tenantId, _id: before._id },
      { $set: set, ...(input.enabled === true ? { $unset: { disabledReason: 1 } } : {}) },
    );
    if (!updated) throw endpointNotFound();
    return toWebhookEndpointDto(updated);
  }

  /** Deletes the endpoint and its deliveries; pending ones are never sent. */
  async remove(ctx: RequestContext, tenantId: string, endpointId: string): Promise<void> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'webhook.manage');
    const endpoint = await this.load(tenantId, endpointId);
    await this.endpoints.deleteOne({ tenantId: endpoint.tenantId, _id: endpoint._id });
    await this.deliveries.deleteMany({ tenantId: endpoint.tenantId, endpointId: endpoint._id });
  }

  /**
   * A new secret, shown in this answer only. The previous one keeps signing alongside it for the
   * configured overlap, so receivers can switch without missing a delivery.
   */
  async rotateSecret(ctx: RequestContext, tenantId: string, endpointId: string): Promise<WebhookEndpointWithSecretDto> {
    this.policy.requireOn(ctx, 'webhook.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'webhook.manage');
    const before = await this.endpoints.model
      .findOne({ tenantId: tenantIdOf(tenantId), _id: oid(endpointId) })
      .select('+secret')
      .lean<WebhookEndpoint>();
    if (!before) throw endpointNotFound();
    const secret = newSigningSecret();
    const overlapMs = this.config.TENANT_WEBHOOKS_ROTATION_OVERLAP_HOURS * 3_600_000;
    const updated = await this.endpoints.findOneAndUpdate(
      { tenantId: before.tenantId, _id: before._id },
      overlapMs > 0
        ? {
            $set: {
              secret,
              secretHint: hintOf(secret),
              previousSecret: before.secret,
              previousSecretUntil: new Date(Date.now() + overlapMs),
            },
          }
        : { $set: { secret, secretHint: hintOf(secret) }, $unset: { previousSecret: 1, previousSecretUntil: 1 } },
    );
    if (!updated) throw endpointNotFound();
    return { ...toWebhookEndpointDto(updated), secret };
  }

  private async load(tenantId: string, endpointId: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findOne({ tenantId: tenantIdOf(tenantId), _id: oid(endpointId) });
    if (!endpoint) throw endpointNotFound();
    return endpoint;
  }
}
