import type { CostBreakdown } from './schemas/voice-call.schema.js';

export const EMPTY_BREAKDOWN: CostBreakdown = { transport: 0, stt: 0, llm: 0, tts: 0, platform: 0 };
const PARTS = Object.keys(EMPTY_BREAKDOWN) as (keyof CostBreakdown)[];

const toMinor = (dollars: unknown): number => {
  const value = typeof dollars === 'number' && Number.isFinite(dollars) && dollars > 0 ? dollars : 0;
  return Math.round(value * 100);
};

/**
 * Vapi's cost (US dollars, fractional) in minor units. Each part is rounded on its own and the total is their
 * sum, so the breakdown always adds up to the cost; Vapi's `vapi` part is the platform fee. A report without a
 * breakdown books its whole cost as platform.
 */
export function costFromVapi(cost: unknown, breakdown: unknown): { costMinor: number; breakdown: CostBreakdown } {
  const parts = (breakdown && typeof breakdown === 'object' ? breakdown : {}) as Record<string, unknown>;
  const minor: CostBreakdown = {
    transport: toMinor(parts.transport),
    stt: toMinor(parts.stt),
    llm: toMinor(parts.llm),
    tts: toMinor(parts.tts),
    platform: toMinor(parts.vapi),
  };
  const sum = sumBreakdown(minor);
  if (sum === 0 && toMinor(cost) > 0) return { costMinor: toMinor(cost), breakdown: { ...EMPTY_BREAKDOWN, platform: toMinor(cost) } };
  return { costMinor: sum, breakdown: minor };
}

export const sumBreakdown = (breakdown: CostBreakdown): number => PARTS.reduce((sum, part) => sum + (breakdown[part] ?? 0), 0);

export function addBreakdowns(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  return Object.fromEntries(PARTS.map((part) => [part, (a[part] ?? 0) + (b[part] ?? 0)])) as unknown as CostBreakdown;
}

/** Minutes billed for a call: whole minutes, rounded up; a call nobody answered costs none. */
export const billedMinutes = (seconds: number): number => (seconds > 0 ? Math.ceil(seconds / 60) : 0);

/** The UTC calendar month of an instant, 'YYYY-MM'. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

/** Months from `from` to `to` inclusive ('YYYY-MM'), at most `max`. */
export function monthsBetween(from: string, to: string, max = 36): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  while (months.length < max) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > to) break;
    months.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

export interface MonthUsage {
  month: string;
  calls: number;
  minutes: number;
  seconds: number;
  costMinor: number;
  breakdown: CostBreakdown;
}

/** Per-call usage lines summed per month, every month of the range present (zeros where nothing happened). */
export function aggregateByMonth(
  lines: readonly { month: string; seconds: number; minutes: number; costMinor: number; breakdown: CostBreakdown }[],
  months: readonly string[],
): MonthUsage[] {
  const byMonth = new Map<string, MonthUsage>(
    months.map((month) => [month, { month, calls: 0, minutes: 0, seconds: 0, costMinor: 0, breakdown: { ...EMPTY_BREAKDOWN } }]),
  );
  for (const line of lines) {
    const bucket = byMonth.get(line.month);
    if (!bucket) continue;
    bucket.calls++;
    bucket.minutes += line.minutes;
    bucket.seconds += line.seconds;
    bucket.costMinor += line.costMinor;
    bucket.breakdown = addBreakdowns(bucket.breakdown, line.breakdown);
  }
  return [...byMonth.values()];
}
