import { Types } from 'mongoose';
import { idOf, iso } from '../../core/http/serialize.js';
import type { SubscriptionDto } from './dto/subscription.dto.js';
import type { ChangeOrigin } from './payment-change.js';
import type { Subscription, SubscriptionChange, SubscriptionStatus } from './schemas/subscription.schema.js';
import { subscriptionLifecycle } from './subscription-lifecycle.js';

/** One entry of a subscription's audit trail. */
export function subscriptionChange(from: SubscriptionStatus | null, to: SubscriptionStatus, origin: ChangeOrigin): SubscriptionChange {
  return {
    from,
    to,
    at: new Date(),
    source: origin.source,
    actorId: origin.actorId ? new Types.ObjectId(origin.actorId) : undefined,
    eventId: origin.eventId,
    eventAt: origin.eventAt,
  };
}

/** Why a provider change may not apply to this subscription, or undefined when it may. */
export function refusalOf(current: Subscription, to: SubscriptionStatus, eventAt: Date): string | undefined {
  if (current.providerEventAt && eventAt < current.providerEventAt)
    return `ignored: the event (${iso(eventAt)}) is older than the last change applied (${iso(current.providerEventAt)})`;
  if (subscriptionLifecycle.isFinal(current.status)) return `ignored: a ${current.status} subscription is final and cannot become ${to}`;
  if (current.status !== to && !subscriptionLifecycle.mayTrigger(current.status, to, 'system'))
    return `ignored: a ${current.status} subscription cannot become ${to}`;
  return undefined;
}

export function toSubscriptionDto(subscription: Subscription): SubscriptionDto {
  return {
    id: subscription._id.toString(),
    userId: subscription.userId.toString(),
    itemType: subscription.itemType,
    itemId: subscription.itemId,
    plan: subscription.plan,
    amount: subscription.amount,
    currency: subscription.currency,
    interval: subscription.interval,
    status: subscription.status,
    currentPeriodStart: iso(subscription.currentPeriodStart)!,
    currentPeriodEnd: iso(subscription.currentPeriodEnd)!,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    canceledAt: iso(subscription.canceledAt),
    provider: subscription.provider,
    providerSubscriptionId: subscription.providerSubscriptionId,
    audit: (subscription.audit ?? []).map((change) => ({
      from: change.from ?? null,
      to: change.to,
      at: iso(change.at)!,
      source: change.source,
      actorId: idOf(change.actorId),
      eventId: change.eventId,
      eventAt: iso(change.eventAt),
    })),
    createdAt: iso(subscription.createdAt)!,
    updatedAt: iso(subscription.updatedAt)!,
  };
}
