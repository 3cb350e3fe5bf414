import type { FeatureType, FeatureValue, LimitPeriod } from './feature-values.js';
import type { BillingCycle, PlanItemType } from './schemas/plan.schema.js';

/** The plan every tenant and user is on until a subscription says otherwise, and falls back to when it ends. */
export const FREE_PLAN = 'free';

export interface PlanDefinition {
  key: string;
  name: string;
  description?: string;
  price: number;
  currency: string;
  billingCycle: BillingCycle;
  itemType: PlanItemType;
  sortOrder: number;
}

/** A feature as a context declares it in code; `plans` are the values it starts with per plan. */
export interface FeatureDeclaration {
  key: string;
  name: string;
  description?: string;
  type: FeatureType;
  defaultValue: FeatureValue;
  period?: LimitPeriod;
  unit?: string;
  plans?: Record<string, FeatureValue>;
}

/** The plans a new database starts with; admins change them through the API from then on. */
export const DEFAULT_PLANS: readonly PlanDefinition[] = [
  { key: FREE_PLAN, name: 'Free', price: 0, currency: 'EUR', billingCycle: 'month', itemType: 'plan', sortOrder: 0 },
  { key: 'starter', name: 'Starter', price: 900, currency: 'EUR', billingCycle: 'month', itemType: 'plan', sortOrder: 10 },
  { key: 'pro', name: 'Pro', price: 2900, currency: 'EUR', billingCycle: 'month', itemType: 'plan', sortOrder: 20 },
  { key: 'pro-yearly', name: 'Pro (yearly)', price: 29000, currency: 'EUR', billingCycle: 'year', itemType: 'plan', sortOrder: 30 },
  { key: 'agent', name: 'Agent subscription', price: 1500, currency: 'EUR', billingCycle: 'month', itemType: 'agent', sortOrder: 100 },
];

const PRO = (value: FeatureValue) => ({ pro: value, 'pro-yearly': value });

/** The platform's own features; other contexts declare theirs through the feature catalogue at boot. */
export const DEFAULT_FEATURES: readonly FeatureDeclaration[] = [
  {
    key: 'audit-log',
    name: 'Audit log',
    description: 'Read the tenant’s audit log of privileged actions',
    type: 'boolean',
    defaultValue: false,
    plans: { free: false, starter: false, ...PRO(true) },
  },
  {
    key: 'ai.generations',
    name: 'AI generations',
    description: 'Generations per calendar month (UTC)',
    type: 'limit',
    period: 'month',
    unit: 'generations',
    defaultValue: 0,
    plans: { free: 10, starter: 200, ...PRO(2000) },
  },
  {
    key: 'api.calls',
    name: 'API calls',
    description: 'Calls to the public API per day (UTC)',
    type: 'limit',
    period: 'day',
    unit: 'calls',
    defaultValue: 0,
    plans: { free: 1000, starter: 10_000, ...PRO(100_000) },
  },
  {
    key: 'voice.outbound',
    name: 'Outbound voice calls',
    description: 'Voice agents may place outbound calls',
    type: 'boolean',
    defaultValue: false,
    plans: { free: false, starter: false, ...PRO(true) },
  },
  {
    key: 'voice.minutes',
    name: 'Voice minutes',
    description: 'Minutes of voice calls per calendar month (UTC)',
    type: 'limit',
    period: 'month',
    unit: 'minutes',
    defaultValue: 0,
    plans: { free: 0, starter: 100, ...PRO(1000) },
  },
  {
    key: 'seats',
    name: 'Seats',
    description: 'Members a tenant may have',
    type: 'limit',
    period: 'none',
    unit: 'seats',
    defaultValue: 1,
    plans: { free: 3, starter: 10, ...PRO(50) },
  },
  {
    key: 'priority-support',
    name: 'Priority support',
    description: 'Support requests answered first; bought on top of a plan',
    type: 'addon',
    defaultValue: false,
    plans: { 'pro-yearly': true },
  },
];
