import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/auth/request-context.js';
import { entryOf } from './audit-trail.js';

const at = new Date('2026-03-01T10:00:00.000Z');
const actorId = new Types.ObjectId().toString();
const tenantId = new Types.ObjectId().toString();
const ctx: RequestContext = {
  actor: { id: actorId, role: 'staff', sessionId: 's' },
  client: { ip: '198.51.100.4', userAgent: 'browser' },
  requestId: 'req-1',
  tenant: { id: tenantId, roles: [] },
};

describe('an audit entry', () => {
  it('names the actor and role, the request, the client and the time', () => {
    const entry = entryOf(ctx, { action: 'refund.approved', targetType: 'refund-request', targetId: 'r1' }, at);
    expect(entry).toMatchObject({
      actorRole: 'staff',
      action: 'refund.approved',
      targetType: 'refund-request',
      targetId: 'r1',
      ip: '198.51.100.4',
      userAgent: 'browser',
      requestId: 'req-1',
      createdAt: at,
    });
    expect(entry.actorId?.toString()).toBe(actorId);
  });

  it('takes the tenant from the entry, else from the request', () => {
    const other = new Types.ObjectId().toString();
    expect(entryOf(ctx, { action: 'tenant.updated', targetType: 'tenant', targetId: 't' }, at).tenantId?.toString()).toBe(tenantId);
    expect(entryOf(ctx, { action: 'tenant.updated', targetType: 'tenant', targetId: 't', tenantId: other }, at).tenantId?.toString()).toBe(
      other,
    );
    expect(
      entryOf({ ...ctx, tenant: undefined }, { action: 'plan.created', targetType: 'plan', targetId: 'pro' }, at).tenantId,
    ).toBeUndefined();
  });

  it('records jobs and provider events as the system, with no actor id', () => {
    const entry = entryOf(
      { client: {}, requestId: 'job', system: true },
      { action: 'job.run-requested', targetType: 'job', targetId: 'x' },
      at,
    );
    expect(entry.actorRole).toBe('system');
    expect(entry.actorId).toBeUndefined();
  });

  it('bounds the target id and carries the diff with its changed fields', () => {
    const entry = entryOf(
      ctx,
      {
        action: 'user.role-changed',
        targetType: 'user',
        targetId: 'x'.repeat(500),
        before: { role: 'user', token: 'a' },
        after: { role: 'staff', token: 'b' },
      },
      at,
    );
    expect(entry.targetId).toHaveLength(128);
    expect(entry.before).toEqual({ role: 'user', token: '[redacted]' });
    expect(entry.changedFields.sort()).toEqual(['role', 'token']);
  });
});
