/** What a provider event did here: applied, already so, about nothing known here, or refused with the reason. */
export type ProviderOutcome = 'applied' | 'unchanged' | 'unknown' | { ignored: string };

/** The webhook row's outcome and detail for it. */
export function describeOutcome(outcome: ProviderOutcome): { outcome: 'processed' | 'ignored'; detail?: string } {
  if (outcome === 'applied') return { outcome: 'processed' };
  if (typeof outcome === 'object') return { outcome: 'ignored', detail: outcome.ignored };
  return { outcome: 'ignored', detail: `no effect: ${outcome}` };
}
