import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { ACROSS_TENANTS, scoped, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { retryDelayAfter } from './delivery-backoff.js';
import { TenantWebhooksConfig } from './tenant-webhooks.config.js';
import { signatureHeader } from './webhook-signature.js';
import { WEBHOOK_TRANSPORT, type WebhookTransport } from './webhook-transport.js';
import { MAX_KEPT_ATTEMPTS, WebhookDelivery, type DeliveryAttempt } from './schemas/webhook-delivery.schema.js';
import { WebhookEndpoint } from './schemas/webhook-endpoint.schema.js';

/** Deliveries one job tick sends at most; the next tick takes the rest. */
const DRAIN_BATCH = 50;

/** Whether the answer counts as received. */
const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Sends deliveries. Each attempt starts with one atomic claim (pending, due, lease free or expired → a lease
 * of a few timeouts), so with several instances, or a job tick meeting an immediate send, every attempt is
 * made once. The outcome is written with a compare-and-set on that lease: a sender whose lease ran out and
 * was taken over records nothing.
 */
@Injectable()
export class WebhookSender implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly deliveries: TenantScoped<WebhookDelivery>;
  private readonly endpoints: TenantScoped<WebhookEndpoint>;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectModel(WebhookDelivery.name) deliveries: Model<WebhookDelivery>,
    @InjectModel(WebhookEndpoint.name) endpoints: Model<WebhookEndpoint>,
    @Inject(WEBHOOK_TRANSPORT) private readonly transport: WebhookTransport,
    private readonly config: TenantWebhooksConfig,
  ) {
    this.deliveries = scoped(deliveries);
    this.endpoints = scoped(endpoints);
  }

  private get leaseMs(): number {
    return this.config.TENANT_WEBHOOKS_TIMEOUT_MS * 3;
  }

  /**
   * Tries these deliveries now, in the background (the caller is an event listener or a route, which must
   * not wait on a receiver): whatever is not sent here the job sends later.
   */
  sendSoon(tenantId: Types.ObjectId, deliveryIds: Types.ObjectId[]): void {
    for (const id of deliveryIds) {
      const sending = this.attempt({ tenantId, _id: id }).catch((error: unknown) =>
        this.logger.warn(`delivery ${id.toString()} left to the job: ${error instanceof Error ? error.message : String(error)}`),
      );
      this.inFlight.add(sending);
      void sending.finally(() => this.inFlight.delete(sending));
    }
  }

  /** Waits for the background sends of this instance (shutdown, and tests that want the outcome). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** The job's tick: due deliveries across tenants, oldest due first, up to a batch. Returns how many were sent. */
  async drain(limit = DRAIN_BATCH): Promise<number> {
    let sent = 0;
    for (let i = 0; i < limit; i++) {
      const outcome = await this.attempt({});
      if (outcome === 'none') break;
      if (outcome === 'delivered') sent++;
    }
    return sent;
  }

  /** Claims one due delivery (this one, or the next due anywhere) and makes one attempt. */
  async attempt(which: { tenantId?: Types.ObjectId; _id?: Types.ObjectId }): Promise<'none' | 'delivered' | 'retry' | 'failed'> {
    const now = new Date();
    const claimed = await this.deliveries.model
      .findOneAndUpdate(
        {
          ...which,
          status: 'pending',
          nextAttemptAt: trusted({ $lte: now }),
          $or: [{ leaseUntil: null }, { leaseUntil: trusted({ $lte: now }) }],
        },
        { $set: { leaseUntil: new Date(now.getTime() + this.leaseMs) } },
        { returnDocument: 'after', sort: { nextAttemptAt: 1 }, ...ACROSS_TENANTS },
      )
      .lean<WebhookDelivery>();
    if (!claimed) return 'none';
    const endpoint = await this.endpoints.model
      .findOne({ tenantId: claimed.tenantId, _id: claimed.endpointId })
      .select('+secret +previousSecret')
      .lean<WebhookEndpoint>();
    // A ping reaches a disabled endpoint (that is how one checks it before enabling it again); events do not.
    if (!endpoint || (!endpoint.enabled && claimed.eventType !== 'ping')) {
      await this.record(claimed, { at: now, durationMs: 0, error: endpoint ? 'endpoint is disabled' : 'endpoint was deleted' }, 'final');
      return 'failed';
    }
    const secrets = [endpoint.secret];
    if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now)
      secrets.push(endpoint.previousSecret);
    const started = Date.now();
    let attempt: DeliveryAttempt;
    try {
      const response = await this.transport.post({
        url: endpoint.url,
        body: claimed.body,
        timeoutMs: this.config.TENANT_WEBHOOKS_TIMEOUT_MS,
        headers: {
          'user-agent': 'Atrium-Webhooks/1.0',
          'atrium-signature': signatureHeader(secrets, claimed.body, new Date()),
          'atrium-event': claimed.eventType,
          'atrium-delivery': claimed._id.toString(),
        },
      });
      attempt = {
        at: now,
        statusCode: response.statusCode,
        durationMs: Date.now() - started,
        responseExcerpt: response.excerpt || undefined,
      };
    } catch (error) {
      attempt = {
        at: now,
        durationMs: Date.now() - started,
        error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      };
    }
    return this.record(claimed, attempt, isSuccess(attempt.statusCode) ? 'delivered' : 'failure');
  }

  /** Writes the attempt and its outcome, if the lease is still ours; then the endpoint's failure streak. */
  private async record(
    claimed: WebhookDelivery,
    attempt: DeliveryAttempt,
    outcome: 'delivered' | 'failure' | 'final',
  ): Promise<'delivered' | 'retry' | 'failed'> {
    const failedAttempts = claimed.failedAttempts + (outcome === 'delivered' ? 0 : 1);
    const delay = outcome === 'failure' ? retryDelayAfter(failedAttempts) : undefined;
    const result = outcome === 'delivered' ? 'delivered' : delay === undefined ? 'failed' : 'retry';
    const at = new Date();
    const set =
      result === 'delivered'
        ? { status: 'delivered', deliveredAt: at }
        : result === 'retry'
          ? { failedAttempts, nextAttemptAt: new Date(at.getTime() + delay!) }
          : { status: 'failed', failedAttempts, failedAt: at };
    const written = await this.deliveries.updateOne(
      { tenantId: claimed.tenantId, _id: claimed._id, status: 'pending', leaseUntil: claimed.leaseUntil },
      {
        $set: set,
        $unset: { leaseUntil: 1 },
        $inc: { attemptCount: outcome === 'final' ? 0 : 1 },
        $push: { attempts: { $each: [attempt], $slice: -MAX_KEPT_ATTEMPTS } },
      },
    );
    if (written.modifiedCount === 0) return result; // the lease was taken over: the other sender records
    if (result === 'delivered') {
      await this.endpoints.updateOne(
        { tenantId: claimed.tenantId, _id: claimed.endpointId, consecutiveFailures: trusted({ $gt: 0 }) },
        { $set: { consecutiveFailures: 0 } },
      );
    } else if (result === 'failed' && outcome !== 'final') {
      await this.countFailure(claimed.tenantId, claimed.endpointId);
    }
    return result;
  }

  /** One more delivery failed for good; past the threshold the endpoint is disabled (its managers enable it again). */
  private async countFailure(tenantId: Types.ObjectId, endpointId: Types.ObjectId): Promise<void> {
    const endpoint = await this.endpoints.findOneAndUpdate({ tenantId, _id: endpointId }, { $inc: { consecutiveFailures: 1 } });
    const threshold = this.config.TENANT_WEBHOOKS_DISABLE_AFTER_FAILURES;
    if (endpoint && threshold > 0 && endpoint.enabled && endpoint.consecutiveFailures >= threshold) {
      await this.endpoints.updateOne({ tenantId, _id: endpointId, enabled: true }, { $set: { enabled: false, disabledReason: 'failing' } });
      this.logger.warn(
        `webhook endpoint ${endpointId.toString()} disabled after ${endpoint.consecutiveFailures} failed deliveries in a row`,
      );
    }
  }
}
