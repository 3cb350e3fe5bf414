import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { staffOnly, tenantManagers } from '../access/expectations.js';
import { entriesAbout, recordedEntry } from '../../support/factories/audit.js';

/** An entry to read: recorded through the trail as any context records one. */
async function anEntry(context: ProbeContext): Promise<string> {
  const input = await recordedEntry(context.t.app, { id: context.admin.id, role: 'admin' });
  const [entry] = await entriesAbout(context.t.app, input.targetId);
  return entry._id.toString();
}

/**
 * The owner's tenant with the audit-log feature switched on by a staff override, so the row checks
 * who may read the log. A tenant without the feature (its plan lacks it) gets 402 for every caller
 * with standing in it; test/e2e/audit/tenant-audit-log.e2e-spec.ts covers that answer.
 */
async function tenantWithAuditLog(context: ProbeContext): Promise<string> {
  const { id } = await context.tenant();
  const response = await context.t
    .http()
    .put(`/api/tenants/${id}/features/audit-log`)
    .set('Authorization', `Bearer ${context.staff.accessToken}`)
    .send({ value: true, reason: 'Authorization matrix' });
  if (response.status !== 200) throw new Error(`could not switch on audit-log: ${response.status} ${JSON.stringify(response.body)}`);
  return id;
}

export const AUDIT_MATRIX: Record<string, MatrixRow> = {
  'GET /api/audit-logs': { request: () => ({ query: { limit: '5' } }), expect: staffOnly(200) },
  'GET /api/audit-logs/{entryId}': {
    request: async (context) => ({ params: { entryId: await anEntry(context) } }),
    expect: staffOnly(200),
  },
  'GET /api/tenants/{tenantId}/audit-logs': {
    request: async (context) => ({ params: { tenantId: await tenantWithAuditLog(context) } }),
    expect: tenantManagers(200),
  },
};
