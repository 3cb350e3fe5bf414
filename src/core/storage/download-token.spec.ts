import { describe, expect, it } from 'vitest';
import { DownloadLinkExpired, DownloadLinkInvalid, DownloadTokens } from './download-token.js';

const SECRET = 'a-secret-that-is-long-enough-for-tests-0123';
const NOW = Date.UTC(2026, 0, 1, 12);
const grant = {
  key: 'files/avatar/0123456789abcdef01234567',
  fileName: 'cv.pdf',
  contentType: 'application/pdf',
  expiresAt: new Date(NOW + 300_000),
};

describe('download link tokens', () => {
  const tokens = new DownloadTokens(SECRET, () => NOW);

  it('verify what they signed, to the second, and stay short enough for one path segment', () => {
    const { token, query } = tokens.sign(grant);
    expect(token.length).toBeLessThan(100);
    expect(tokens.verify(token, query)).toEqual(grant);
  });

  it.each([
    ['another key', { k: 'files/avatar/ffffffffffffffffffffffff' }],
    ['another name', { n: 'cv.html' }],
    ['another type', { t: 'text/html' }],
  ])('refuse %s with 403', (_, change) => {
    const { token, query } = tokens.sign(grant);
    expect(() => tokens.verify(token, { ...query, ...change })).toThrow(DownloadLinkInvalid);
  });

  it('refuse a changed expiry or signature, a malformed token and another secret’s token with 403', () => {
    const { token, query } = tokens.sign(grant);
    const [expiry, signature] = token.split('.');
    const later = (parseInt(expiry, 36) + 3600).toString(36);
    expect(() => tokens.verify(`${later}.${signature}`, query)).toThrow(DownloadLinkInvalid);
    expect(() => tokens.verify(`${expiry}.${signature.slice(1)}A`, query)).toThrow(DownloadLinkInvalid);
    expect(() => tokens.verify('not-a-token', query)).toThrow(DownloadLinkInvalid);
    const foreign = new DownloadTokens(`${SECRET}-other`, () => NOW).sign(grant);
    expect(() => tokens.verify(foreign.token, foreign.query)).toThrow(DownloadLinkInvalid);
  });

  it('refuse a genuine link once it has expired with 410', () => {
    const { token, query } = tokens.sign(grant);
    const later = new DownloadTokens(SECRET, () => NOW + 300_000);
    expect(() => later.verify(token, query)).toThrow(DownloadLinkExpired);
    expect(new DownloadTokens(SECRET, () => NOW + 299_000).verify(token, query).key).toBe(grant.key);
  });
});
