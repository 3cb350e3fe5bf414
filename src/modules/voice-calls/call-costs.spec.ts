import { describe, expect, it } from 'vitest';
import { aggregateByMonth, billedMinutes, costFromVapi, monthOf, monthsBetween, sumBreakdown } from './call-costs.js';
import { simulatedCost } from './providers/simulated-call.js';

describe('call costs', () => {
  it('turns Vapi dollars into minor units whose breakdown adds up to the cost', () => {
    const { costMinor, breakdown } = costFromVapi(0.2521, { transport: 0.0174, stt: 0.0174, llm: 0.0348, tts: 0.0626, vapi: 0.0871 });
    expect(breakdown).toEqual({ transport: 2, stt: 2, llm: 3, tts: 6, platform: 9 });
    expect(costMinor).toBe(22);
    expect(sumBreakdown(breakdown)).toBe(costMinor);
  });

  it('books a cost without a breakdown as platform, and ignores negative or absent figures', () => {
    expect(costFromVapi(1.5, undefined)).toEqual({ costMinor: 150, breakdown: { transport: 0, stt: 0, llm: 0, tts: 0, platform: 150 } });
    expect(costFromVapi(undefined, { transport: -1, stt: 'x' }).costMinor).toBe(0);
  });

  it('bills whole minutes rounded up, none for an unanswered call', () => {
    expect([0, 1, 59, 60, 61, 120, 121].map(billedMinutes)).toEqual([0, 1, 1, 1, 2, 2, 3]);
  });

  it('buckets by UTC month and lists every month of a range', () => {
    expect(monthOf(new Date('2026-01-31T23:59:59Z'))).toBe('2026-01');
    expect(monthOf(new Date('2026-02-01T00:00:00Z'))).toBe('2026-02');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('sums calls, minutes, cost and each breakdown part per month', () => {
    const line = (month: string, seconds: number, costMinor: number) => ({
      month,
      seconds,
      minutes: billedMinutes(seconds),
      costMinor,
      breakdown: { transport: costMinor, stt: 0, llm: 0, tts: 0, platform: 0 },
    });
    const months = aggregateByMonth(
      [line('2026-01', 61, 10), line('2026-01', 30, 5), line('2026-02', 0, 0), line('2025-12', 60, 7)],
      ['2026-01', '2026-02'],
    );
    expect(months).toEqual([
      {
        month: '2026-01',
        calls: 2,
        minutes: 3,
        seconds: 91,
        costMinor: 15,
        breakdown: { transport: 15, stt: 0, llm: 0, tts: 0, platform: 0 },
      },
      {
        month: '2026-02',
        calls: 1,
        minutes: 0,
        seconds: 0,
        costMinor: 0,
        breakdown: { transport: 0, stt: 0, llm: 0, tts: 0, platform: 0 },
      },
    ]);
  });

  it('simulated costs are deterministic and consistent', () => {
    const { cost, costBreakdown } = simulatedCost(105);
    expect(simulatedCost(105)).toEqual({ cost, costBreakdown });
    expect(costFromVapi(cost, costBreakdown).costMinor).toBeGreaterThan(0);
  });
});
