import { Injectable } from '@nestjs/common';
import type { FeatureGate } from '../../core/auth/feature-gate.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { cheapestPlanWhere } from './entitlements-catalogue.js';
import { EntitlementResolver } from './entitlement-resolver.js';
import { FeatureNotIncludedProblem } from './entitlement-problems.js';
import { grants } from './feature-values.js';
import { subjectOf } from './subject.js';

/**
 * The gate behind @RequiresFeature: the request's tenant (on a tenant-scoped route) or the caller
 * has the feature when its effective value grants it; otherwise 402 naming the cheapest plan that does.
 */
@Injectable()
export class EntitlementGate implements FeatureGate {
  constructor(private readonly resolver: EntitlementResolver) {}

  async require(ctx: RequestContext, featureKey: string): Promise<void> {
    const subject = subjectOf(ctx);
    const { entitlement, feature, snapshot } = await this.resolver.one(subject, featureKey).catch((error: unknown) => {
      // A route gated on a feature nobody declared is a defect of the code, not of the request.
      throw (error as { slug?: string }).slug === 'feature-not-found'
        ? new Error(`route gated on the undeclared feature ${featureKey}`)
        : error;
    });
    if (entitlement.enabled) return;
    const upgrade = cheapestPlanWhere(snapshot, feature, (value) => grants(feature.type, value));
    throw new FeatureNotIncludedProblem(feature, subject, entitlement.planKey, upgrade);
  }
}
