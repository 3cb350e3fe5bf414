import { describe, expect, it } from 'vitest';
import { anonymizeIp, cleanPath, dayOf } from './privacy.js';

describe('what analytics keeps of a request', () => {
  it('keeps only the network of an address', () => {
    expect(anonymizeIp('203.0.113.77')).toBe('203.0.113.0');
    expect(anonymizeIp('::ffff:198.51.100.9')).toBe('198.51.100.0');
    expect(anonymizeIp('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::');
    expect(anonymizeIp('2001:db8::1')).toBe('2001:db8:0::');
    expect(anonymizeIp('::1')).toBe('0:0:0::');
    expect(anonymizeIp('not an address')).toBeUndefined();
    expect(anonymizeIp(undefined)).toBeUndefined();
  });

  it('drops every query parameter but the UTM ones, and the fragment', () => {
    expect(cleanPath('/reset?token=secret&email=a@b.c#top')).toEqual({ path: '/reset' });
    expect(cleanPath('/pricing?utm_source=news&utm_campaign=winter&ref=x')).toEqual({
      path: '/pricing',
      utm: { source: 'news', campaign: 'winter' },
    });
    expect(cleanPath('/docs/start')).toEqual({ path: '/docs/start' });
  });

  it('names the UTC day of an instant', () => {
    expect(dayOf(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
  });
});
