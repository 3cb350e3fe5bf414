/** The audit log's public surface: the module, the trail every context records into, and the action names. */
export { AuditModule } from './audit.module.js';
export { AuditTrail, type AuditEntryInput } from './audit-trail.js';
export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from './audit-actions.js';
