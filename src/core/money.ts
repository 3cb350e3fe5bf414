/** Money is integer minor units with an ISO 4217 currency everywhere; these helpers are shared by every context. */
/** ISO 4217 codes the runtime knows; amounts are integers in the currency's minor unit. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: unknown): code is string => typeof code === 'string' && CURRENCIES.has(code.toUpperCase());

/** Intl formatters are costly to build and immutable: one per locale and currency. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return formatter;
}

/** Digits after the decimal point (JPY 0, EUR 2, KWD 3), as Intl knows them; `resolvedOptions()` builds an object per call. */
const digits = new Map<string, number>();
export function minorDigits(currency: string): number {
  let known = digits.get(currency);
  if (known === undefined) digits.set(currency, (known = formatterFor(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2));
  return known;
}

/** Formatting happens only here, at the edge: 1234 EUR → "€12.34". */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  return formatterFor(currency, locale).format(amount / 10 ** minorDigits(currency));
}

/** Tax in basis points, rounded half up to the minor unit. */
export function taxOf(subtotal: number, rateBps: number): number {
  return Math.floor((subtotal * rateBps + 5_000) / 10_000);
}
