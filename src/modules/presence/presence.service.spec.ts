import { describe, expect, it } from 'vitest';
import { stateOf } from './presence.service.js';

describe('presence state', () => {
  const at = new Date('2026-11-22T12:00:00Z');
  const seen = (secondsAgo: number, status: 'online' | 'away' = 'online') => ({
    status,
    lastSeenAt: new Date(at.getTime() - secondsAgo * 1000),
  });

  it('is what the client said while the heartbeat is fresh', () => {
    expect(stateOf(seen(10), at)).toBe('online');
    expect(stateOf(seen(10, 'away'), at)).toBe('away');
  });

  it('turns away after a minute and offline after five', () => {
    expect(stateOf(seen(90), at)).toBe('away');
    expect(stateOf(seen(301), at)).toBe('offline');
    expect(stateOf(null, at)).toBe('offline');
  });
});
