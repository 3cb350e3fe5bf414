import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../core/auth/request-context.js';
import { AuditTrail, type AuditAction } from '../audit/index.js';

export type EntitlementsAuditAction = Extract<
  AuditAction,
  'plan.created' | 'plan.updated' | 'plan-feature.set' | 'feature.created' | 'feature.updated' | 'override.set' | 'override.removed'
>;

/** Records catalogue and override changes in the audit log, after the change is written. */
@Injectable()
export class EntitlementsAudit {
  constructor(private readonly trail: AuditTrail) {}

  record(
    ctx: RequestContext,
    action: EntitlementsAuditAction,
    targetType: string,
    targetId: string,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
    tenantId?: string,
  ): Promise<void> {
    return this.trail.record(ctx, {
      action,
      targetType,
      targetId,
      ...(tenantId ? { tenantId } : {}),
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
    });
  }
}
