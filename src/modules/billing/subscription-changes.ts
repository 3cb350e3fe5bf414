import { iso } from '../../core/http/serialize.js';
import type { TransitionOrigin } from '../../core/lifecycle/index.js';
import { billingAudit } from './billing-context.js';
import type { Subscription, SubscriptionChange, SubscriptionStatus } from './schemas/subscription.schema.js';
import { subscriptionLifecycle } from './subscription.lifecycle.js';

/** One entry of a subscription's audit trail, with the provider's time of the event that made it. */
export const subscriptionChange = (
  from: SubscriptionStatus | null,
  to: SubscriptionStatus,
  origin: TransitionOrigin,
  eventAt?: Date,
): SubscriptionChange => {
  const { at, source, actorId, eventId } = billingAudit(from, to, origin);
  return { from, to, at, source, actorId, eventId, eventAt };
};

/** Why a provider change may not apply to this subscription, or undefined when it may. */
export function refusalOf(current: Subscription, to: SubscriptionStatus, eventAt: Date): string | undefined {
  if (current.providerEventAt && eventAt < current.providerEventAt)
    return `ignored: the event (${iso(eventAt)}) is older than the last change applied (${iso(current.providerEventAt)})`;
  if (subscriptionLifecycle.isFinal(current.status)) return `ignored: a ${current.status} subscription is final and cannot become ${to}`;
  if (current.status !== to && !subscriptionLifecycle.mayTrigger(current.status, to, 'system'))
    return `ignored: a ${current.status} subscription cannot become ${to}`;
  return undefined;
}
