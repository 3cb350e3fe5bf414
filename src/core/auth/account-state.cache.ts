import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { AccountState } from './account-state.js';

interface Entry {
  userId: string;
  sessionId: string;
  state: Promise<AccountState | undefined>;
  expiresAt: number;
}

/**
 * This instance's short memory of account states, so the guard does not read MongoDB on every request.
 * The state itself lives in MongoDB: another instance's change is seen once an entry expires
 * (AUTH_ACCOUNT_CACHE_MS); this instance's own changes forget their entries at once.
 */
@Injectable()
export class AccountStateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(config: AppConfig) {
    this.ttlMs = config.get('AUTH_ACCOUNT_CACHE_MS');
    this.maxEntries = config.get('AUTH_ACCOUNT_CACHE_MAX_ENTRIES');
  }

  /** The state of one session of one account; concurrent misses share one load. */
  get(userId: string, sessionId: string, load: () => Promise<AccountState | undefined>): Promise<AccountState | undefined> {
    const key = `${userId}:${sessionId}`;
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached.state;
    this.entries.delete(key);
    const state = load();
    if (this.ttlMs > 0) {
      const entry: Entry = { userId, sessionId, state, expiresAt: now + this.ttlMs };
      this.entries.set(key, entry);
      // A failed load is not remembered: the next request asks again.
      state.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
      this.evictOldest();
    }
    return state;
  }

  forgetSession(sessionId: string): void {
    for (const [key, entry] of this.entries) if (entry.sessionId === sessionId) this.entries.delete(key);
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.userId === userId) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bounded: the entries loaded longest ago go first (a Map iterates in insertion order). */
  private evictOldest(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}
