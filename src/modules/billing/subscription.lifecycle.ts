import { defineLifecycle } from '../../core/lifecycle/index.js';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from './schemas/subscription.schema.js';

/**
 * Every move a subscription may make on the provider's word (trigger `system`: webhooks, the
 * embedded provider). A move the table lacks is recorded on the event and changes nothing.
 * `canceled` is final: a late or replayed event never revives a subscription; subscribing again
 * makes a new one.
 */
export const subscriptionLifecycle = defineLifecycle<SubscriptionStatus>({
  resource: 'subscription',
  states: SUBSCRIPTION_STATUSES,
  initial: 'incomplete',
  moves: [
    // The first payment settles it, a trial starts, or it expires unpaid (incomplete_expired).
    { from: 'incomplete', to: 'trialing', by: ['system'] },
    { from: 'incomplete', to: 'active', by: ['system'] },
    { from: 'incomplete', to: 'canceled', by: ['system'] },
    // A trial ends paid, unpaid (past_due, or paused without a payment method), or is canceled.
    { from: 'trialing', to: 'active', by: ['system'] },
    { from: 'trialing', to: 'past_due', by: ['system'] },
    { from: 'trialing', to: 'unpaid', by: ['system'] },
    { from: 'trialing', to: 'canceled', by: ['system'] },
    // A renewal fails, a trial is granted on a running subscription, or it ends.
    { from: 'active', to: 'trialing', by: ['system'] },
    { from: 'active', to: 'past_due', by: ['system'] },
    { from: 'active', to: 'unpaid', by: ['system'] },
    { from: 'active', to: 'canceled', by: ['system'] },
    // A retry pays, retries run out, or it ends.
    { from: 'past_due', to: 'active', by: ['system'] },
    { from: 'past_due', to: 'unpaid', by: ['system'] },
    { from: 'past_due', to: 'canceled', by: ['system'] },
    // Only a payment or the end leaves unpaid.
    { from: 'unpaid', to: 'active', by: ['system'] },
    { from: 'unpaid', to: 'canceled', by: ['system'] },
  ],
});
