import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Types } from 'mongoose';
import type { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { auditEntry, type Trigger, type TransitionOrigin } from '../../core/lifecycle/index.js';
import type { BillingPermission } from './billing.permissions.js';
import type { ChangeSource } from './schemas/transaction.schema.js';

/** The signed-in caller's id; the policy has already refused anonymous callers on every route that gets here. */
export function callerId(ctx: RequestContext): string {
  if (!ctx.actor) throw new UnauthorizedException('Authentication required.');
  return ctx.actor.id;
}

/** The audit origin of a change: who set it in motion (`trigger`), through which channel (`source`). */
export const changeBy = (ctx: RequestContext, trigger: Trigger, source: ChangeSource, reason?: string): TransitionOrigin => ({
  trigger,
  source,
  actorId: ctx.actor?.id,
  reason,
  ip: ctx.client.ip,
  userAgent: ctx.client.userAgent,
});

/** An audit entry in billing's terms: its source is one of CHANGE_SOURCES, as changeBy and providerChange set it. */
export const billingAudit = <S extends string>(from: S | null, to: S, origin: TransitionOrigin) => ({
  ...auditEntry(from, to, origin),
  source: origin.source as ChangeSource,
});

/** A provider event's origin: the provider moved it, the webhook brought the word. */
export const providerChange = (eventId: string): TransitionOrigin => ({ trigger: 'system', source: 'webhook', eventId });

/** The document when the caller may do `permission` on it; someone else's, like a missing one, does not exist for them. */
export function ownedOr404<T extends { userId: Types.ObjectId }>(
  policy: PermissionPolicy,
  ctx: RequestContext,
  permission: BillingPermission,
  document: T | null,
  resource: string,
): T {
  policy.requireOn(ctx, permission, document ? { ownerId: document.userId } : {}, resource);
  if (!document) throw new NotFoundException(`No such ${resource}.`);
  return document;
}
