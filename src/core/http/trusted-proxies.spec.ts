import { describe, expect, it } from 'vitest';
import { validateEnvironment } from '../config/environment.js';
import { connectionsCheckingInterval, serverOptions } from './server-options.js';
import { isTrustedProxies, trustProxyOption, type TrustProxyFunction } from './trusted-proxies.js';

describe('TRUSTED_PROXIES', () => {
  it('accepts empty, a hop count, and lists of addresses, CIDR ranges and range names', () => {
    for (const value of [
      '',
      ' ',
      '0',
      '2',
      '127.0.0.1',
      '10.0.0.0/8, 192.168.1.1',
      '::1,fd00::/8',
      'loopback,uniquelocal',
      '10.0.0.0/255.0.0.0',
    ]) {
      expect(isTrustedProxies(value), value).toBe(true);
    }
  });

  it('refuses anything else with one line naming the variable', () => {
    for (const value of ['true', 'proxy.example.com', '10.0.0.0/33', '1.2.3.4/', '127.0.0.1,,', '-1', '1.5']) {
      expect(isTrustedProxies(value), value).toBe(false);
    }
    expect(() => validateEnvironment({ TRUSTED_PROXIES: 'everyone' })).toThrow(/^Invalid environment: TRUSTED_PROXIES must be/);
  });

  it('trusts no one unless told, in production too', () => {
    expect(trustProxyOption(undefined)).toBe(false);
    expect(trustProxyOption('')).toBe(false);
    expect(trustProxyOption('0')).toBe(false);
    const env = { ...validateEnvironment({}), NODE_ENV: 'production' as const };
    expect(serverOptions(env).trustProxy).toBe(false);
  });

  it('turns a hop count into trust of the nearest hops, and a list into addresses', () => {
    const hops = trustProxyOption('2') as TrustProxyFunction;
    expect([0, 1, 2].map((hop) => hops('10.0.0.1', hop))).toEqual([true, true, false]);
    expect(trustProxyOption('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});

describe('server timeouts', () => {
  it('refuses a header timeout longer than the request timeout', () => {
    expect(() => validateEnvironment({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '5000' })).toThrow(
      'Invalid environment: HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS',
    );
  });

  it('checks connections often enough for the timeouts to hold', () => {
    expect(connectionsCheckingInterval({ REQUEST_TIMEOUT_MS: 30_000, HEADERS_TIMEOUT_MS: 10_000 })).toBe(1000);
    expect(connectionsCheckingInterval({ REQUEST_TIMEOUT_MS: 500, HEADERS_TIMEOUT_MS: 500 })).toBe(125);
  });
});
