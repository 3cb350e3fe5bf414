import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * The zone a country's numbers ring in. Countries spanning several zones answer where most of their people
 * live (Australia → Sydney, Brazil → São Paulo, Russia → Moscow); the US and Canada are read by area code
 * below. A caller who knows better stores the lead's own timezone.
 */
const COUNTRY_ZONES: Partial<Record<CountryCode, string>> = {
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  AU: 'Australia/Sydney',
  BE: 'Europe/Brussels',
  BR: 'America/Sao_Paulo',
  CH: 'Europe/Zurich',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CO: 'America/Bogota',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EG: 'Africa/Cairo',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HK: 'Asia/Hong_Kong',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KE: 'Africa/Nairobi',
  KR: 'Asia/Seoul',
  MX: 'America/Mexico_City',
  NG: 'Africa/Lagos',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NZ: 'Pacific/Auckland',
  PE: 'America/Lima',
  PH: 'Asia/Manila',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  SA: 'Asia/Riyadh',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  TR: 'Europe/Istanbul',
  TW: 'Asia/Taipei',
  UA: 'Europe/Kyiv',
  AE: 'Asia/Dubai',
  ZA: 'Africa/Johannesburg',
};

// North American area codes outside the Eastern zone (the default). Lists follow NANPA's assignment by state or
// province; a state split between zones goes with most of its numbers.
const PACIFIC =
  '206 209 213 236 250 253 279 310 323 341 350 360 369 408 415 424 425 442 458 503 509 510 530 541 559 562 564 604 619 626 628 650 657 661 669 672 702 707 714 725 747 760 775 778 805 818 820 831 840 858 909 916 925 949 951 971';
const MOUNTAIN = '208 303 307 368 385 403 406 435 480 505 520 575 587 602 623 719 720 780 801 825 915 928 970 983 986';
const CENTRAL =
  '204 205 210 214 217 218 219 224 225 226 228 251 254 256 262 270 274 281 309 312 314 316 318 319 320 325 326 331 334 337 346 361 364 402 405 409 414 417 418 430 431 432 447 464 469 479 501 504 507 512 515 531 534 539 557 563 573 574 580 601 605 608 612 618 620 630 636 639 641 651 659 660 662 682 701 708 712 713 715 726 731 737 763 769 773 779 785 806 815 816 817 830 832 847 870 872 903 913 918 920 936 938 940 945 952 956 972 979';
const ALASKA_HAWAII: Record<string, string> = { '907': 'America/Anchorage', '808': 'Pacific/Honolulu' };

const AREA_ZONES = new Map<string, string>([
  ...PACIFIC.split(' ').map((code) => [code, 'America/Los_Angeles'] as const),
  ...MOUNTAIN.split(' ').map((code) => [code, 'America/Denver'] as const),
  ...CENTRAL.split(' ').map((code) => [code, 'America/Chicago'] as const),
  ...Object.entries(ALASKA_HAWAII),
]);

/** Arizona keeps standard time all year: its area codes answer Phoenix rather than Denver. */
const ARIZONA = new Set(['480', '520', '602', '623', '928']);
/** Saskatchewan keeps central standard time all year. */
const SASKATCHEWAN = new Set(['306', '474', '639']);

export const DEFAULT_TIMEZONE = 'UTC';

/**
 * The IANA zone a number most likely rings in: the country's zone, and for the US and Canada the zone of the
 * area code (Pacific, Mountain, Central, Alaska, Hawaii; Eastern otherwise). UTC when the number names no
 * country this table knows. Used only when a lead comes without its own timezone.
 */
export function timezoneOfNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return DEFAULT_TIMEZONE;
  if (parsed.countryCallingCode === '1' && (parsed.country === 'US' || parsed.country === 'CA' || parsed.country === undefined)) {
    const area = parsed.nationalNumber.slice(0, 3);
    if (ARIZONA.has(area)) return 'America/Phoenix';
    if (SASKATCHEWAN.has(area)) return 'America/Regina';
    return AREA_ZONES.get(area) ?? (parsed.country === 'US' || parsed.country === 'CA' ? 'America/New_York' : DEFAULT_TIMEZONE);
  }
  return (parsed.country && COUNTRY_ZONES[parsed.country]) ?? DEFAULT_TIMEZONE;
}

/** Whether the runtime knows this IANA zone (so a stored timezone always formats a local time). */
export function isTimezone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
