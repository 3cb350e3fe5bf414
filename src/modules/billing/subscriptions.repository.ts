import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { anyOf } from '../../core/database/find-page.js';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import type { TransitionOrigin } from '../../core/lifecycle/index.js';
import type { ProviderOutcome } from './provider-outcome.js';
import type { ProviderSubscriptionState } from './providers/provider-event.js';
import { Subscription, type SubscriptionItem, type SubscriptionStatus } from './schemas/subscription.schema.js';
import { refusalOf, subscriptionChange } from './subscription-changes.js';

const MOVE_ATTEMPTS = 5;
/** Statuses in which a subscription still runs: one of these per user and item. */
const LIVE: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due'];

export type NewSubscription = Omit<Subscription, 'cancelAtPeriodEnd' | 'audit' | 'effects' | 'providerEventAt' | 'createdAt' | 'updatedAt'>;

/**
 * The one writer of `subscriptions`. A change of state is a compare-and-set on the status it was
 * read in and on the provider's time of the last event applied, with its audit entry and the
 * `subscription.changed` it owes in the same update, delivered right after.
 */
@Injectable()
export class SubscriptionsRepository {
  constructor(
    @InjectModel(Subscription.name) readonly model: Model<Subscription>,
    private readonly relay: EffectsRelay,
  ) {}

  findById(id: string): Promise<Subscription | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<Subscription>();
  }

  findByProviderId(providerSubscriptionId: string): Promise<Subscription | null> {
    return this.model.findOne({ providerSubscriptionId }).lean<Subscription>();
  }

  /** The user's newest subscriptions; a user holds a handful, so the list is bounded rather than paged. */
  listFor(userId: string): Promise<Subscription[]> {
    return this.model
      .find({ userId: new Types.ObjectId(userId) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(100)
      .lean<Subscription[]>();
  }

  /** The tenant's newest subscriptions, bounded like a user's. */
  listForTenant(tenantId: string): Promise<Subscription[]> {
    return this.model
      .find({ tenantId: new Types.ObjectId(tenantId) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(100)
      .lean<Subscription[]>();
  }

  /** A live subscription of the payer to the item: the user's personal ones, or the tenant's when one is given. */
  hasLive(userId: Types.ObjectId, itemType: SubscriptionItem, itemId: string, tenantId?: Types.ObjectId): Promise<unknown> {
    const payer = tenantId ? { tenantId } : { userId, tenantId: null };
    return this.model.exists({ ...payer, itemType, itemId, status: anyOf(LIVE) });
  }

  async insert(subscription: NewSubscription, origin: TransitionOrigin): Promise<Subscription> {
    const created = (
      await this.model.create({
        ...subscription,
        audit: [subscriptionChange(null, subscription.status, origin)],
        effects: owedEffects(this.owed({ ...subscription, audit: [] }, `subscription:${subscription._id.toString()}:created`)),
      })
    ).toObject();
    await this.relay.deliver(this.model, created);
    return created;
  }

  async setCancelAtPeriodEnd(id: Types.ObjectId, cancel: boolean): Promise<Subscription | null> {
    return this.model
      .findOneAndUpdate({ _id: id }, { $set: { cancelAtPeriodEnd: cancel } }, { returnDocument: 'after' })
      .lean<Subscription>();
  }

  /**
   * The provider's word on a subscription: applied only when the event is not older than the last change
   * applied, and only along the lifecycle; otherwise ignored with the reason. The same status with a new
   * period is a change too. The check and the write are one conditional update, so two racing events
   * cannot both win.
   */
  async applyProviderState(state: ProviderSubscriptionState, origin: TransitionOrigin, eventAt: Date): Promise<ProviderOutcome> {
    for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
      const current = await this.findByProviderId(state.id);
      if (!current) return 'unknown';
      // This very event was applied before (its first delivery died before it was marked done).
      if (origin.eventId && (current.audit ?? []).some((change) => change.eventId === origin.eventId)) return 'unchanged';
      const refusal = refusalOf(current, state.status, eventAt);
      if (refusal) return { ignored: refusal };
      const $set: Record<string, unknown> = { status: state.status, providerEventAt: eventAt };
      if (state.periodStart) $set.currentPeriodStart = state.periodStart;
      if (state.periodEnd) $set.currentPeriodEnd = state.periodEnd;
      if (state.cancelAtPeriodEnd !== undefined) $set.cancelAtPeriodEnd = state.cancelAtPeriodEnd;
      if (state.status === 'canceled') $set.canceledAt = new Date();
      const key = `subscription:${current._id.toString()}:${origin.eventId ?? new Types.ObjectId().toString()}`;
      const updated = await this.model
        .findOneAndUpdate(
          {
            _id: current._id,
            status: current.status,
            $or: [{ providerEventAt: null }, { providerEventAt: trusted({ $lte: eventAt }) }],
          },
          {
            $set,
            $push: {
              audit: subscriptionChange(current.status, state.status, origin, eventAt),
              effects: { $each: owedEffects(this.owed({ ...current, status: state.status }, key)) },
            },
          },
          { returnDocument: 'after' },
        )
        .lean<Subscription>();
      if (!updated) continue;
      await this.relay.deliver(this.model, updated);
      return 'applied';
    }
    throw new IllegalTransitionProblem('subscription', 'a concurrently changed state', state.status);
  }

  /** What a change owes; its revision counts the audit entries with this change's, so later changes carry higher ones. */
  private owed(
    subscription: Pick<Subscription, '_id' | 'userId' | 'tenantId' | 'plan' | 'status' | 'audit'>,
    key: string,
  ): EffectRequest[] {
    return this.relay.owe(
      'subscription.changed',
      {
        subscriptionId: subscription._id.toString(),
        userId: subscription.userId.toString(),
        ...(subscription.tenantId ? { tenantId: subscription.tenantId.toString() } : {}),
        plan: subscription.plan,
        subscriptionStatus: subscription.status,
        revision: (subscription.audit ?? []).length + 1,
      },
      key,
    );
  }
}
