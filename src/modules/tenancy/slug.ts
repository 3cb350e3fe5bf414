export const MAX_SLUG_LENGTH = 48;
export const MIN_SLUG_LENGTH = 3;

/** Lowercase letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs that would read as a route or an official page. */
const RESERVED = new Set(['admin', 'api', 'app', 'docs', 'help', 'me', 'new', 'settings', 'staff', 'support', 'system', 'www']);

export const isValidSlug = (slug: string): boolean =>
  slug.length >= MIN_SLUG_LENGTH && slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug) && !RESERVED.has(slug);

/**
 * The slug a name suggests: accents folded, anything else between words becomes one hyphen, cut at
 * a word boundary when long; too short or reserved ones get a suffix so any name yields a valid slug.
 */
export function slugFromName(name: string, suffix: () => string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = folded.length > MAX_SLUG_LENGTH - 7 ? folded.slice(0, MAX_SLUG_LENGTH - 7).replace(/-[^-]*$/, '') : folded;
  // A name with no Latin letters or digits still gets a slug, unique by its suffix.
  if (slug.length === 0) return `tenant-${suffix()}`;
  if (!isValidSlug(slug)) slug = `${slug}-${suffix()}`;
  return slug;
}

/** The next slug to try when the suggested one is taken: the base with a short random suffix. */
export const withSuffix = (slug: string, suffix: string): string => `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
