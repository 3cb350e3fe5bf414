import type { RequestContext } from './request-context.js';

/**
 * Implemented by the audit context: core's own privileged routes (running a job by hand) record
 * through it without core knowing any context. Absent in an application built without the audit log.
 */
export interface AuditSink {
  /** Never throws: a failed write is logged and counted by the audit context. */
  record(
    ctx: RequestContext,
    entry: { action: string; targetType: string; targetId: string; before?: Record<string, unknown>; after?: Record<string, unknown> },
  ): Promise<void>;
}

export const AUDIT_SINK = Symbol('AuditSink');
