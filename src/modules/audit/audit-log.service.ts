import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, findFeed, within } from '../../core/database/find-page.js';
import { prefixPattern } from '../../core/database/prefix-pattern.js';
import { toAuditLogEntryDto } from './audit-log.mapper.js';
import type { AuditLogEntryDto, AuditLogFeedDto } from './dto/audit-log.dto.js';
import { SYSTEM_ACTOR, type AuditLogQueryDto, type TenantAuditLogQueryDto } from './dto/audit-log-query.dto.js';
import { AuditLog } from './schemas/audit-log.schema.js';

/** An exact action, or every action under a prefix (`tenant.`): an anchored regex, which the action index serves as a range. */
const actionFilter = (action: string | undefined) =>
  action === undefined ? undefined : action.endsWith('.') ? new RegExp(prefixPattern(action)) : action;

function filterOf(query: TenantAuditLogQueryDto, tenantId: string | undefined): QueryFilter<AuditLog> {
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  // A range that ends before it starts is a well-formed question with no entries in it, as other lists answer it.
  const actorId = query.actor === undefined ? undefined : query.actor === SYSTEM_ACTOR ? null : new Types.ObjectId(query.actor);
  return compact({
    tenantId: tenantId === undefined ? undefined : new Types.ObjectId(tenantId),
    actorId,
    action: actionFilter(query.action),
    targetType: query.targetType,
    targetId: query.targetId,
    createdAt: within(from, to),
  }) as QueryFilter<AuditLog>;
}

/** Reading the audit log: the staff view across tenants, one entry, and a tenant's own log. Nothing here writes. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectModel(AuditLog.name) private readonly entries: Model<AuditLog>,
    private readonly policy: PermissionPolicy,
  ) {}

  async list(ctx: RequestContext, query: AuditLogQueryDto): Promise<AuditLogFeedDto> {
    this.policy.require(ctx, 'audit.read');
    const feed = await findFeed(this.entries, filterOf(query, query.tenantId), query, (entry) => toAuditLogEntryDto(entry));
    return { ...feed, limit: query.limit };
  }

  async get(ctx: RequestContext, id: string): Promise<AuditLogEntryDto> {
    this.policy.require(ctx, 'audit.read');
    const entry = await this.entries.findOne({ _id: new Types.ObjectId(id) }).lean<AuditLog>();
    if (!entry) throw new NotFoundException('No such audit log entry.');
    return toAuditLogEntryDto(entry);
  }

  /** A tenant's log; the tenant-scope guard has already told outsiders the tenant does not exist. */
  async listForTenant(ctx: RequestContext, tenantId: string, query: TenantAuditLogQueryDto): Promise<AuditLogFeedDto> {
    if (!this.policy.can(ctx, 'audit.tenant-read', { tenantId }))
      throw new ForbiddenException('Only the tenant’s owners and admins read its audit log.');
    const staffView = this.policy.can(ctx, 'audit.read');
    const feed = await findFeed(this.entries, filterOf(query, tenantId), query, (entry) =>
      toAuditLogEntryDto(entry, { tenant: !staffView }),
    );
    return { ...feed, limit: query.limit };
  }
}
