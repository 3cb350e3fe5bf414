import { Injectable, NotFoundException, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Types } from 'mongoose';
import type { TenantScope } from './request-context.js';
import type { Actor } from './roles.js';

/** Implemented by the tenancy context: the caller's standing in one tenant. */
export interface TenantScopeSource {
  /**
   * The tenant and the actor's roles in it. Undefined when the tenant does not exist (or is closed)
   * or the actor may not act in it: members get their roles, staff an empty list (their staff rules
   * decide), everyone else nothing.
   */
  scopeOf(actor: Actor, tenantId: string): Promise<TenantScope | undefined>;
}

export const TENANT_SCOPE_SOURCE = Symbol('TenantScopeSource');

/** The path parameter that makes a route tenant-scoped: `/api/tenants/:tenantId/...`. */
export const TENANT_PARAM = 'tenantId';

/**
 * Global, after authentication: every route with a `:tenantId` parameter acts in that tenant.
 * Isolation is decided here once, not in each service: a caller with no standing in the tenant is
 * told it does not exist (404), whatever the resource below it.
 */
@Injectable()
export class TenantScopeGuard implements CanActivate, OnModuleInit {
  private source?: TenantScopeSource;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    try {
      this.source = this.moduleRef.get<TenantScopeSource>(TENANT_SCOPE_SOURCE, { strict: false });
    } catch {
      // An application built without the tenancy context: no route of it has a tenant parameter.
    }
  }

  // Synchronous on routes without a tenant: a promise per guard per request is not free.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; tenant?: TenantScope }>();
    const tenantId = (request.params as Record<string, string> | undefined)?.[TENANT_PARAM];
    if (tenantId === undefined || !request.actor) return true;
    if (!this.source) throw new Error('A tenant-scoped route needs the tenancy context.');
    if (tenantId.length !== 24 || !Types.ObjectId.isValid(tenantId)) throw new NotFoundException('No such tenant.');
    return this.enter(this.source, request, request.actor, tenantId);
  }

  private async enter(source: TenantScopeSource, request: { tenant?: TenantScope }, actor: Actor, tenantId: string): Promise<boolean> {
    const scope = await source.scopeOf(actor, tenantId);
    if (!scope) throw new NotFoundException('No such tenant.');
    request.tenant = scope;
    return true;
  }
}
