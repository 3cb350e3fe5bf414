import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { RequestContext } from './request-context.js';
import type { Role } from './roles.js';

type Id = string | { toString(): string };

/** The resource a permission is asked about: whose it is, who takes part in it, which tenant holds it. */
export interface Subject {
  ownerId?: Id;
  participantIds?: readonly Id[];
  tenantId?: Id;
}

/**
 * Who qualifies for a permission. Any one rule that holds grants it:
 * - `public`: anyone, signed in or not; `signed-in`: any actor;
 * - `owner` / `participant`: the actor owns / takes part in the subject;
 * - a role: the actor has it (admin has every staff permission);
 * - `{ tenantRoles }`: the actor holds one of these roles in the subject's tenant.
 */
export type Rule = 'public' | 'signed-in' | 'owner' | 'participant' | Role | { tenantRoles: readonly string[] };

export type PermissionTable = Record<string, readonly Rule[]>;

/**
 * One table of who may do what, filled by each module from its own `<context>.permissions.ts`.
 * A service's first line asks it. Denied on a specific resource → 404 (its existence is not
 * revealed); denied a kind of action → 403.
 */
@Injectable()
export class PermissionPolicy {
  private readonly rules = new Map<string, readonly Rule[]>();

  register(table: PermissionTable): void {
    for (const [permission, rules] of Object.entries(table)) {
      if (this.rules.has(permission)) throw new Error(`permission ${permission} is declared twice`);
      this.rules.set(permission, rules);
    }
  }

  can(ctx: RequestContext, permission: string, subject?: Subject): boolean {
    const rules = this.rules.get(permission);
    if (!rules) throw new Error(`permission ${permission} is not declared`);
    if (ctx.system) return true;
    return rules.some((rule) => holds(rule, ctx, subject));
  }

  /** Asks for a permission on a resource: a caller who may not see it is told it does not exist. */
  requireOn(ctx: RequestContext, permission: string, subject: Subject, resource = 'resource'): void {
    if (!this.can(ctx, permission, subject)) throw new NotFoundException(`No such ${resource}.`);
  }

  /** Asks for a permission that is not about one resource (list the staff queue): 403 when denied. */
  require(ctx: RequestContext, permission: string): void {
    if (!this.can(ctx, permission)) throw new ForbiddenException(`This needs the permission ${permission}.`);
  }
}

const same = (a: Id | undefined, b: Id | undefined) => a !== undefined && b !== undefined && a.toString() === b.toString();

function holds(rule: Rule, ctx: RequestContext, subject: Subject | undefined): boolean {
  const actor = ctx.actor;
  if (rule === 'public') return true;
  if (!actor) return false;
  switch (rule) {
    case 'signed-in':
      return true;
    case 'owner':
      return same(subject?.ownerId, actor.id);
    case 'participant':
      return subject?.participantIds?.some((id) => same(id, actor.id)) ?? false;
    case 'user':
      return true;
    case 'staff':
      return actor.role === 'staff' || actor.role === 'admin';
    case 'admin':
      return actor.role === 'admin';
    default:
      return (
        ctx.tenant !== undefined &&
        (subject?.tenantId === undefined || same(subject.tenantId, ctx.tenant.id)) &&
        rule.tenantRoles.some((role) => ctx.tenant!.roles.includes(role))
      );
  }
}
