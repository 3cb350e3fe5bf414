// Telephone numbers: one normalization (E.164) for every context that stores or matches them.
export { normalizePhone, type CountryCode, type NormalizedPhone } from './phone-number.js';
export { DEFAULT_TIMEZONE, isTimezone, timezoneOfNumber } from './number-timezone.js';

/** A number as a path segment, in any common spelling: digits, `+`, spaces, brackets, dots and dashes. */
export const PHONE_PARAM_PATTERN = '^[+0-9 ().-]{1,64}$';
