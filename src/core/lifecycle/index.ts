export { defineLifecycle, Lifecycle, TRIGGERS, type LifecycleTable, type Move, type Trigger } from './lifecycle.js';
export {
  auditEntry,
  transition,
  type AuditEntry,
  type Stateful,
  type TransitionOrigin,
  type TransitionRequest,
  type TransitionResult,
} from './transition.js';
export { historyOf, staffHistoryOf, type HistoryEntry, type StaffHistoryEntry } from './history.js';
export { originOf } from './origin.js';
export { walkLifecycle, type PairVerdict } from './walk-lifecycle.js';
