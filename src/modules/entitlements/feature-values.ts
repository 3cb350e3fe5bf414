/** What a feature is: a switch, a metered or capped amount, or something bought on top of a plan. */
export const FEATURE_TYPES = ['boolean', 'limit', 'addon'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

/** How often a limit's counter starts again; `none` is a plain cap (seats) that never resets. */
export const LIMIT_PERIODS = ['month', 'day', 'none'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

/** A switch is a boolean, a limit a count, an add-on either (bought or not, or how many). */
export type FeatureValue = boolean | number;

export const FEATURE_KEY_PATTERN = '^[a-z][a-z0-9.-]{1,63}$';
export const FEATURE_KEY = new RegExp(FEATURE_KEY_PATTERN);
export const PLAN_KEY_PATTERN = '^[a-z][a-z0-9-]{1,49}$';
export const PLAN_KEY = new RegExp(PLAN_KEY_PATTERN);

/** Large enough for any real quota, small enough to stay an exact integer in every layer that handles it. */
export const MAX_LIMIT = 1_000_000_000_000;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_LIMIT;

/** Why `value` does not fit a feature of `type`, or undefined when it does. */
export function valueProblem(type: FeatureType, value: unknown): string | undefined {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false for a boolean feature';
    case 'limit':
      return isCount(value) ? undefined : `must be a whole number from 0 to ${MAX_LIMIT} for a limit`;
    case 'addon':
      return typeof value === 'boolean' || isCount(value) ? undefined : 'must be true/false or a whole quantity from 0 for an add-on';
  }
}

/** Whether a value grants the feature at all: a switch that is on, a limit above zero, an add-on bought. */
export function grants(type: FeatureType, value: FeatureValue): boolean {
  if (type === 'boolean') return value === true;
  return value === true || (typeof value === 'number' && value > 0);
}

/** The value a feature has when nothing sets it: off, or zero. */
export const zeroOf = (type: FeatureType): FeatureValue => (type === 'limit' ? 0 : false);
