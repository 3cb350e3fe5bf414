import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { onModel, traceDriverCall } from '../../core/database/operation-tracing.js';
import { ProblemException } from '../../core/http/problem.js';
import type { ProviderEvent } from './providers/provider-event.js';
import { FINISHED_OUTCOMES, WebhookEvent, type WebhookOutcome } from './schemas/webhook-event.schema.js';

/** How long one delivery owns an event. Far longer than processing takes; past it the holder is taken for dead. */
export const WEBHOOK_LEASE_MS = 60_000;
const CLAIM_ATTEMPTS = 3;

export type Claim = { claimed: true; claimId: string } | { claimed: false; outcome: WebhookOutcome };

/** Another delivery holds the event: 409, so the provider delivers it again later, when the holder has finished or died. */
export class WebhookInProgressProblem extends ProblemException {
  constructor(readonly retryAfter: number) {
    super(
      HttpStatus.CONFLICT,
      'webhook-in-progress',
      'Event in progress',
      'Another delivery of this event is being processed; deliver it again later.',
      { retryAfter },
    );
  }

  /** The problem filter takes Retry-After from here. */
  override getResponse(): { message: string; retryAfter: number } {
    return { message: this.message, retryAfter: this.retryAfter };
  }
}

/**
 * Who processes a provider event: the one delivery that claims it with an atomic update, while it
 * is neither finished nor under a live lease. A failure releases it as `failed`; a holder that dies
 * leaves a lease that runs out; either way a redelivery processes it. Only the holder (its claim id)
 * can finish or release it, so a stale holder waking up never overwrites a newer outcome.
 */
@Injectable()
export class WebhookClaims {
  private readonly logger = new Logger(WebhookClaims.name);

  constructor(@InjectModel(WebhookEvent.name) private readonly events: Model<WebhookEvent>) {}

  async claim(provider: string, event: ProviderEvent): Promise<Claim> {
    const firstClaim = randomUUID();
    // Most events arrive once: the first delivery stores the event already claimed, in one write.
    if (await this.recordClaimed(provider, event, firstClaim)) return { claimed: true, claimId: firstClaim };
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const now = new Date();
      const claimId = randomUUID();
      const claimed = await this.events
        .findOneAndUpdate(
          {
            provider,
            eventId: event.id,
            outcome: trusted({ $nin: FINISHED_OUTCOMES }),
            $or: [{ leaseUntil: null }, { leaseUntil: trusted({ $lte: now }) }],
          },
          { $set: { outcome: 'processing', leaseUntil: new Date(now.getTime() + WEBHOOK_LEASE_MS), claimId }, $inc: { attempts: 1 } },
          { projection: { _id: 1 } },
        )
        .lean();
      if (claimed) return { claimed: true, claimId };
      const current = await this.events.findOne({ provider, eventId: event.id }, { outcome: 1, leaseUntil: 1 }).lean<WebhookEvent>();
      if (current && FINISHED_OUTCOMES.includes(current.outcome)) return { claimed: false, outcome: current.outcome };
      if (current?.leaseUntil && current.leaseUntil > now) {
        throw new WebhookInProgressProblem(Math.max(1, Math.ceil((current.leaseUntil.getTime() - Date.now()) / 1000)));
      }
      // Released or expired between the two reads: claim again.
    }
    throw new WebhookInProgressProblem(1);
  }

  /** The holder's outcome; false when the lease was lost to another delivery meanwhile. */
  async finish(eventId: string, claimId: string, outcome: 'processed' | 'ignored', detail?: string): Promise<boolean> {
    const result = await this.events.updateOne(
      { claimId },
      {
        $set: { outcome, processedAt: new Date(), ...(detail ? { detail } : {}) },
        $unset: { leaseUntil: 1, ...(detail ? {} : { detail: 1 }) },
      },
    );
    if (result.matchedCount === 0) this.logger.warn(`webhook ${eventId}: the lease ran out before processing finished`);
    return result.matchedCount === 1;
  }

  /** Processing failed: the event is free again, for the provider's retry. */
  async release(claimId: string, detail: string): Promise<void> {
    await this.events.updateOne({ claimId }, { $set: { outcome: 'failed', detail: detail.slice(0, 1000) }, $unset: { leaseUntil: 1 } });
  }

  /**
   * Stores the event the first time it arrives, claimed by this delivery; true when this delivery stored it.
   * Concurrent first deliveries find the one row, and claim it (or not) as any redelivery does.
   */
  private async recordClaimed(provider: string, event: ProviderEvent, claimId: string): Promise<boolean> {
    const now = new Date();
    try {
      // Through the driver: Mongoose would cast and walk the provider's whole payload (its own, free-form
      // object) for the timestamps plugin, several times the cost of the write. Every field here is ours and typed.
      const result = await traceDriverCall(onModel(this.events, 'updateOne'), () =>
        this.events.collection.updateOne(
          { provider, eventId: event.id },
          {
            $setOnInsert: {
              provider,
              eventId: event.id,
              type: event.providerType,
              receivedAt: now,
              eventCreatedAt: event.createdAt,
              outcome: 'processing',
              attempts: 1,
              leaseUntil: new Date(now.getTime() + WEBHOOK_LEASE_MS),
              claimId,
              payload: event.object,
              createdAt: now,
              updatedAt: now,
              __v: 0,
            },
          },
          { upsert: true, ignoreUndefined: true },
        ),
      );
      return result.upsertedCount === 1;
    } catch (error) {
      if (!isDuplicateKeyOn(error, ['provider', 'eventId'])) throw error;
      return false;
    }
  }
}
