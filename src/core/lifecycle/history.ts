import { idOf, iso } from '../http/serialize.js';
import type { AuditEntry } from './transition.js';

/** One status change as an API shows it to anyone who may see the document: what and when. */
export interface HistoryEntry<S extends string> {
  from: S | null;
  to: S;
  at: string;
  reason?: string;
}

/** The same change as staff see it: also who made it, and through what. */
export interface StaffHistoryEntry<S extends string> extends HistoryEntry<S> {
  source: string;
  actorId?: string;
}

/** A document's lifecycle audit as its history, oldest first. */
export const historyOf = <S extends string>(audit: AuditEntry<S>[] | undefined): HistoryEntry<S>[] =>
  (audit ?? []).map((entry) => ({ from: entry.from, to: entry.to, at: iso(entry.at)!, reason: entry.reason ?? undefined }));

/** The history with who moved the document each time, for staff views. */
export const staffHistoryOf = <S extends string>(audit: AuditEntry<S>[] | undefined): StaffHistoryEntry<S>[] =>
  (audit ?? []).map((entry) => ({
    from: entry.from,
    to: entry.to,
    at: iso(entry.at)!,
    source: entry.source,
    actorId: idOf(entry.actorId),
    // A move without a reason may be stored as null; the answer leaves it out.
    reason: entry.reason ?? undefined,
  }));
