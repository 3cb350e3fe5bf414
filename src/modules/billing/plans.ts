import type { SubscriptionItem } from './schemas/subscription.schema.js';

export interface Plan {
  key: string;
  name: string;
  itemType: SubscriptionItem;
  amount: number;
  currency: string;
  interval: 'month' | 'year';
}

/** The catalogue. Prices are integers in minor units; `agent` subscribes to one AI agent. */
export const PLANS: Record<string, Plan> = {
  starter: { key: 'starter', name: 'Starter', itemType: 'plan', amount: 900, currency: 'EUR', interval: 'month' },
  pro: { key: 'pro', name: 'Pro', itemType: 'plan', amount: 2900, currency: 'EUR', interval: 'month' },
  'pro-yearly': { key: 'pro-yearly', name: 'Pro (yearly)', itemType: 'plan', amount: 29000, currency: 'EUR', interval: 'year' },
  agent: { key: 'agent', name: 'Agent subscription', itemType: 'agent', amount: 1500, currency: 'EUR', interval: 'month' },
};

export const PLAN_KEYS = Object.keys(PLANS);

export function periodEnd(start: Date, interval: 'month' | 'year'): Date {
  const end = new Date(start);
  if (interval === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}
