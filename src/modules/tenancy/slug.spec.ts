import { describe, expect, it } from 'vitest';
import { isValidSlug, MAX_SLUG_LENGTH, slugFromName, withSuffix } from './slug.js';

const fixed = () => 'x1y2z';

describe('tenant slugs', () => {
  it('folds a name to lowercase words joined by single hyphens', () => {
    expect(slugFromName('Northwind Traders', fixed)).toBe('northwind-traders');
    expect(slugFromName('  Ünïcode Café & Co. ', fixed)).toBe('unicode-cafe-co');
    expect(slugFromName('A---B__C', fixed)).toBe('a-b-c');
  });

  it('suffixes names that give too short, empty or reserved slugs', () => {
    expect(slugFromName('AB', fixed)).toBe('ab-x1y2z');
    expect(slugFromName('日本語', fixed)).toBe('tenant-x1y2z');
    expect(slugFromName('Admin', fixed)).toBe('admin-x1y2z');
  });

  it('cuts long names at a word boundary, leaving room for a suffix', () => {
    const slug = slugFromName('word '.repeat(40), fixed);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH - 7);
    expect(slug.endsWith('-')).toBe(false);
    expect(isValidSlug(withSuffix(slug, 'abcde'))).toBe(true);
    expect(withSuffix('x'.repeat(MAX_SLUG_LENGTH), 'abcde')).toHaveLength(MAX_SLUG_LENGTH);
  });

  it('accepts only lowercase hyphenated slugs within bounds, none reserved', () => {
    expect(isValidSlug('acme-2')).toBe(true);
    for (const bad of ['Acme', 'ac', '-acme', 'acme-', 'ac--me', 'acme corp', 'api', 'x'.repeat(MAX_SLUG_LENGTH + 1)])
      expect(isValidSlug(bad), bad).toBe(false);
  });
});
