import type { AuditLogEntryDto } from './dto/audit-log.dto.js';
import type { AuditLog } from './schemas/audit-log.schema.js';

/**
 * Staff see every field. A tenant's owners see their own members' addresses but not those of staff
 * or the system acting on their tenant: support staff's whereabouts are not the customer's to know.
 */
export function toAuditLogEntryDto(entry: AuditLog, view: { tenant: boolean } = { tenant: false }): AuditLogEntryDto {
  const showClient = !view.tenant || entry.actorRole === 'user';
  return {
    id: entry._id.toString(),
    actor: { id: entry.actorId?.toString(), role: entry.actorRole },
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    tenantId: entry.tenantId?.toString(),
    before: entry.before,
    after: entry.after,
    changedFields: entry.changedFields ?? [],
    truncated: entry.truncated ?? false,
    ip: showClient ? entry.ip : undefined,
    userAgent: showClient ? entry.userAgent : undefined,
    requestId: entry.requestId,
    createdAt: entry.createdAt.toISOString(),
  };
}
