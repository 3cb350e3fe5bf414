import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type { CountryCode };

/** A telephone number in its one stored spelling (E.164) with the country it belongs to. */
export interface NormalizedPhone {
  e164: string;
  /** ISO 3166-1 alpha-2, when the number identifies one. */
  country?: CountryCode;
}

/**
 * Reads a number as people write it ("+1 (415) 555-0100", "0044 20 7946 0958", "020 7946 0958" with a
 * default country of GB) and answers its E.164 form, or null when it is not a valid number. Validity is
 * libphonenumber's full metadata check (length and range for the country), not a pattern.
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): NormalizedPhone | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const parsed = parsePhoneNumberFromString(input.trim().replace(/^00/, '+'), defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, ...(parsed.country ? { country: parsed.country } : {}) };
}
