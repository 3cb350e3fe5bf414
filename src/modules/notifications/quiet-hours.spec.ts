import { describe, expect, it } from 'vitest';
import { localMinutes, quietUntil } from './quiet-hours.js';

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };

  it('reads local time in the user’s zone', () => {
    const at = new Date('2026-06-01T20:30:00Z');
    expect(localMinutes(at, 'UTC')).toBe(20 * 60 + 30);
    expect(localMinutes(at, 'Europe/Berlin')).toBe(22 * 60 + 30); // CEST, UTC+2
    expect(localMinutes(at, 'Asia/Tokyo')).toBe(5 * 60 + 30); // next day, UTC+9
  });

  it('finds a window that crosses midnight and says when it ends', () => {
    const at = new Date('2026-06-01T20:30:00Z'); // 22:30 in Berlin
    expect(quietUntil(at, night, 'Europe/Berlin')?.toISOString()).toBe('2026-06-02T05:00:00.000Z'); // 07:00 Berlin
    expect(quietUntil(at, night, 'UTC')).toBeUndefined(); // 20:30 UTC
  });

  it('handles same-day windows and an empty window', () => {
    const at = new Date('2026-06-01T13:00:00Z');
    expect(quietUntil(at, { start: '12:00', end: '14:00' }, 'UTC')?.toISOString()).toBe('2026-06-01T14:00:00.000Z');
    expect(quietUntil(at, { start: '12:00', end: '12:00' }, 'UTC')).toBeUndefined();
  });
});
