import { applyDecorators, Injectable, SetMetadata, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../http/problem.dto.js';
import { contextOf, type RequestContext } from './request-context.js';
import { handlerMetadata } from '../http/route-metadata.js';

/** Implemented by the entitlements context. */
export interface FeatureGate {
  /**
   * Resolves when the request's subject (its tenant on a tenant-scoped route, else the caller) has the
   * feature; otherwise throws the 402 problem naming the feature and the cheapest plan that includes it.
   */
  require(ctx: RequestContext, featureKey: string): Promise<void>;
}

export const FEATURE_GATE = Symbol('FeatureGate');
export const FEATURE_KEY = 'atrium:feature';

/** The route needs this feature of the caller's plan: 402 problem+json when it is not included. */
export const RequiresFeature = (featureKey: string) =>
  applyDecorators(SetMetadata(FEATURE_KEY, featureKey), ApiProblem(402, `Needs the feature ${featureKey} in the plan`));

/** Global, after the tenant scope: routes marked with @RequiresFeature ask the entitlements context. */
@Injectable()
export class FeatureGateGuard implements CanActivate, OnModuleInit {
  private gate?: FeatureGate;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    try {
      this.gate = this.moduleRef.get<FeatureGate>(FEATURE_GATE, { strict: false });
    } catch {
      // Built without the entitlements context: no route of it is gated.
    }
  }

  // Synchronous on ungated routes: a promise per guard per request is not free.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const featureKey = handlerMetadata<string>(this.reflector, context, FEATURE_KEY);
    if (featureKey === undefined) return true;
    if (!this.gate) throw new Error(`The feature ${featureKey} is gated without the entitlements context.`);
    return this.gate.require(contextOf(context.switchToHttp().getRequest<FastifyRequest>()), featureKey).then(() => true);
  }
}
