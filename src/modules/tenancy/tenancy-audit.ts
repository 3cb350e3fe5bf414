import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import type { RequestContext } from '../../core/auth/request-context.js';
import { AuditTrail, type AuditAction } from '../audit/index.js';

type Snapshot = Record<string, unknown>;

/**
 * The tenancy context's entries in the audit log: who changed which tenant, member, invite or team.
 * Every entry names its tenant, so the tenant's owners find it in their own log: an action on the tenant
 * itself (created, closed) is filed under that tenant even where the request had none in its path.
 */
@Injectable()
export class TenancyAudit {
  constructor(private readonly trail: AuditTrail) {}

  record(
    ctx: RequestContext,
    action: AuditAction,
    targetType: string,
    targetId: Types.ObjectId | string,
    change: { tenantId?: Types.ObjectId | string; before?: Snapshot; after?: Snapshot } = {},
  ): Promise<void> {
    const tenantId = change.tenantId ?? (targetType === 'tenant' ? targetId : ctx.tenant?.id);
    return this.trail.record(ctx, {
      action,
      targetType,
      targetId: targetId.toString(),
      tenantId: tenantId?.toString(),
      before: change.before,
      after: change.after,
    });
  }
}
