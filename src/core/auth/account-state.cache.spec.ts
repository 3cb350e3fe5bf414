import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config/app-config.js';
import type { AccountState } from './account-state.js';
import { AccountStateCache } from './account-state.cache.js';

const ACTIVE: AccountState = { active: true, role: 'user', sessionActive: true };

function cacheWith(ttlMs: number, maxEntries = 100): AccountStateCache {
  const settings: Record<string, number> = { AUTH_ACCOUNT_CACHE_MS: ttlMs, AUTH_ACCOUNT_CACHE_MAX_ENTRIES: maxEntries };
  return new AccountStateCache({ get: (key: string) => settings[key] } as unknown as AppConfig);
}

/** A load that counts how often the database would be read. */
function counter() {
  const loads = { count: 0 };
  const load = async () => {
    loads.count++;
    return ACTIVE;
  };
  return { loads, load };
}

describe('account state cache', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the database once per session while the entry is fresh, and again once it expired', async () => {
    vi.useFakeTimers();
    const cache = cacheWith(5000);
    const { loads, load } = counter();
    await Promise.all([cache.get('u', 's', load), cache.get('u', 's', load), cache.get('u', 's', load)]);
    expect(loads.count).toBe(1);
    vi.advanceTimersByTime(4999);
    await cache.get('u', 's', load);
    expect(loads.count).toBe(1);
    vi.advanceTimersByTime(2);
    await cache.get('u', 's', load);
    expect(loads.count).toBe(2);
  });

  it('reads every time with a TTL of 0', async () => {
    const cache = cacheWith(0);
    const { loads, load } = counter();
    await cache.get('u', 's', load);
    await cache.get('u', 's', load);
    expect(loads.count).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('stays within its bound, dropping the entries loaded longest ago', async () => {
    const cache = cacheWith(60_000, 3);
    const { loads, load } = counter();
    for (const session of ['s1', 's2', 's3', 's4', 's5']) await cache.get('u', session, load);
    expect(cache.size).toBe(3);
    await cache.get('u', 's5', load);
    expect(loads.count).toBe(5);
    await cache.get('u', 's1', load);
    expect(loads.count).toBe(6);
  });

  it('forgets a session, or every session of a user, at once', async () => {
    const cache = cacheWith(60_000);
    const { loads, load } = counter();
    await cache.get('u1', 'a', load);
    await cache.get('u1', 'b', load);
    await cache.get('u2', 'c', load);
    cache.forgetSession('a');
    await cache.get('u1', 'a', load);
    expect(loads.count).toBe(4);
    cache.forgetUser('u1');
    expect(cache.size).toBe(1);
  });

  it('does not remember a failed read', async () => {
    const cache = cacheWith(60_000);
    await expect(cache.get('u', 's', () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    const { loads, load } = counter();
    await expect(cache.get('u', 's', load)).resolves.toEqual(ACTIVE);
    expect(loads.count).toBe(1);
  });
});
