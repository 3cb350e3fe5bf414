import type { Lifecycle, Trigger } from './lifecycle.js';
import { TRIGGERS } from './lifecycle.js';

export interface PairVerdict<S extends string> {
  from: S;
  to: S;
  trigger: Trigger;
  allowed: boolean;
}

/**
 * Every (from, to, trigger) of a table with the table's verdict, for unit specs that hold a
 * lifecycle against the rules written in words: no pair is left unchecked.
 */
export function walkLifecycle<S extends string>(lifecycle: Lifecycle<S>): PairVerdict<S>[] {
  const verdicts: PairVerdict<S>[] = [];
  for (const from of lifecycle.states)
    for (const to of lifecycle.states)
      for (const trigger of TRIGGERS) verdicts.push({ from, to, trigger, allowed: lifecycle.mayTrigger(from, to, trigger) });
  return verdicts;
}
