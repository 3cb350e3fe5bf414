import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import type { RequestContext } from '../../core/auth/request-context.js';

type Snapshot = Record<string, unknown>;

/**
 * The tenancy context's entries in the audit log: who changed which tenant, member, invite or team.
 * Every change already calls `record` with its action name; this is the one place that hands them
 * to the audit context's trail, so wiring it is a change to this file alone.
 */
@Injectable()
export class TenancyAudit {
  async record(
    _ctx: RequestContext,
    _action: string,
    _targetType: string,
    _targetId: Types.ObjectId | string,
    _change: { tenantId?: Types.ObjectId | string; before?: Snapshot; after?: Snapshot } = {},
  ): Promise<void> {}
}
