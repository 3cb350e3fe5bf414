import { NotFoundException } from '@nestjs/common';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { owedEffects, type EffectRequest } from '../events/owed-effect.js';
import { IllegalTransitionProblem } from '../http/problem.js';
import type { Lifecycle, Trigger } from './lifecycle.js';

/** Where a change came from, for the audit trail. */
export interface TransitionOrigin {
  trigger: Trigger;
  /** The channel: api, staff, webhook, job… */
  source: string;
  actorId?: string;
  reason?: string;
  ip?: string;
  userAgent?: string;
  /** The provider event that caused it, when one did. */
  eventId?: string;
}

export interface AuditEntry<S extends string> {
  from: S | null;
  to: S;
  at: Date;
  source: string;
  actorId?: Types.ObjectId;
  reason?: string;
  ip?: string;
  userAgent?: string;
  eventId?: string;
}

export interface Stateful<S extends string> {
  _id: Types.ObjectId;
  status: S;
}

export interface TransitionRequest<S extends string> {
  id: Types.ObjectId;
  to: S;
  origin: TransitionOrigin;
  /** Effects the new state owes; stored with the status in the same single-document write. */
  effects?: readonly EffectRequest[];
  /** Fields that change with the status (resolvedAt, failureReason…). */
  set?: Record<string, unknown>;
  /**
   * The status the caller read and validated its move against (timings, computed fields). When given, the move
   * is refused with the lifecycle's 409 if the status is no longer that one, instead of re-validating on a new
   * read: the caller's checks and computed fields belong to the state it saw.
   */
  expectedFrom?: S;
  /**
   * What else the document must match, read and written alike: its tenant on a tenant-scoped collection, so the
   * move passes the tenant guard by naming the tenant rather than by stepping around it.
   */
  scope?: Record<string, unknown>;
}

export type TransitionResult<T> = { moved: true; document: T } | { moved: false; document: T };

const MAX_ATTEMPTS = 5;

export function auditEntry<S extends string>(from: S | null, to: S, origin: TransitionOrigin, at = new Date()): AuditEntry<S> {
  return {
    from,
    to,
    at,
    source: origin.source,
    actorId: origin.actorId && Types.ObjectId.isValid(origin.actorId) ? new Types.ObjectId(origin.actorId) : undefined,
    reason: origin.reason?.slice(0, 500),
    ip: origin.ip?.slice(0, 64),
    userAgent: origin.userAgent?.slice(0, 512),
    eventId: origin.eventId,
  };
}

/**
 * The one way a status changes: compare-and-set on the status it was read in, so two concurrent
 * moves cannot both win; the audit entry and the owed effects land in the same update, so a crash
 * can never keep the change and lose what it owes. Moving to the current state is a no-op
 * (`moved: false`), which makes redelivered provider events harmless.
 */
export async function transition<S extends string, T extends Stateful<S>>(
  model: Model<T>,
  lifecycle: Lifecycle<S>,
  request: TransitionRequest<S>,
): Promise<TransitionResult<T>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await model.findOne({ ...request.scope, _id: request.id } as never).lean<T>();
    if (!current) throw new NotFoundException(`No such ${lifecycle.resource}.`);
    const expected = request.expectedFrom;
    if (expected !== undefined && current.status !== expected)
      throw new IllegalTransitionProblem(lifecycle.resource, current.status, request.to);
    if (expected === undefined && current.status === request.to) return { moved: false, document: current };
    lifecycle.assertMove(current.status, request.to, request.origin.trigger);
    const now = new Date();
    const update = {
      $set: { status: request.to, ...request.set },
      $push: {
        audit: auditEntry(current.status, request.to, request.origin, now),
        ...(request.effects?.length ? { effects: { $each: owedEffects(request.effects, now) } } : {}),
      },
    } as UpdateQuery<T>;
    const moved = await model
      .findOneAndUpdate({ ...request.scope, _id: request.id, status: current.status } as never, update, { returnDocument: 'after' })
      .lean<T>();
    if (moved) return { moved: true, document: moved };
    // The status left the one the caller validated: re-reading would only find it changed.
    if (expected !== undefined) break;
  }
  throw new IllegalTransitionProblem(lifecycle.resource, 'a concurrently changed state', request.to);
}
