import { IllegalTransitionProblem } from '../http/problem.js';

/** Who may set a move in motion: the resource's owner, someone taking part in it, staff, or the system itself (jobs, provider events). */
export const TRIGGERS = ['owner', 'participant', 'staff', 'system'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface Move<S extends string> {
  from: S;
  to: S;
  by: readonly Trigger[];
}

export interface LifecycleTable<S extends string> {
  /** The resource's name in answers: "A ticket cannot move from closed to open." */
  resource: string;
  states: readonly S[];
  initial: S;
  moves: readonly Move<S>[];
}

/** A transition table as data, with the questions every service asks of it. */
export class Lifecycle<S extends string> {
  private readonly byPair = new Map<string, readonly Trigger[]>();

  constructor(readonly table: LifecycleTable<S>) {
    for (const move of table.moves) {
      if (!table.states.includes(move.from) || !table.states.includes(move.to))
        throw new Error(`${table.resource} lifecycle names an unknown state in ${move.from} → ${move.to}`);
      this.byPair.set(pair(move.from, move.to), move.by);
    }
  }

  get resource(): string {
    return this.table.resource;
  }

  get states(): readonly S[] {
    return this.table.states;
  }

  /** Whether the table has the move at all, whoever triggers it. */
  canMove(from: S, to: S): boolean {
    return this.byPair.has(pair(from, to));
  }

  mayTrigger(from: S, to: S, trigger: Trigger): boolean {
    return this.byPair.get(pair(from, to))?.includes(trigger) ?? false;
  }

  /** The move, or 409 naming both states when the table forbids it for this trigger. */
  assertMove(from: S, to: S, trigger: Trigger): void {
    if (!this.mayTrigger(from, to, trigger)) throw new IllegalTransitionProblem(this.table.resource, from, to);
  }

  next(from: S): S[] {
    return this.table.moves.filter((move) => move.from === from).map((move) => move.to);
  }

  isFinal(state: S): boolean {
    return this.next(state).length === 0;
  }

  /** Every state reachable from the initial one; a table whose states are not all reachable has a mistake. */
  reachable(): Set<S> {
    const reached = new Set<S>([this.table.initial]);
    const queue: S[] = [this.table.initial];
    while (queue.length > 0) {
      for (const to of this.next(queue.shift()!)) {
        if (reached.has(to)) continue;
        reached.add(to);
        queue.push(to);
      }
    }
    return reached;
  }
}

export const defineLifecycle = <S extends string>(table: LifecycleTable<S>): Lifecycle<S> => new Lifecycle(table);

const pair = (from: string, to: string) => `${from}→${to}`;
