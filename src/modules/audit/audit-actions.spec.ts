import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions.js';

describe('audit actions', () => {
  it('are `<resource>.<verb>` in lowercase kebab case, each once', () => {
    for (const action of AUDIT_ACTIONS) expect(action, action).toMatch(/^[a-z][a-z-]*\.[a-z][a-z-]*$/);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it('name what the tenancy and entitlements contexts record', () => {
    for (const action of [
      'tenant.created',
      'tenant.updated',
      'tenant.closed',
      'membership.added',
      'membership.role-changed',
      'membership.removed',
      'ownership.transferred',
      'invite.created',
      'invite.revoked',
      'invite.accepted',
      'team.created',
      'plan.created',
      'plan.updated',
      'plan-feature.set',
      'feature.created',
      'feature.updated',
      'override.set',
      'override.removed',
    ])
      expect(isAuditAction(action), action).toBe(true);
  });

  it('know the actions recorded by the existing contexts and refuse a misspelling', () => {
    for (const action of ['user.role-changed', 'refund.approved', 'ticket.transitioned', 'notification.broadcast', 'job.run-requested'])
      expect(isAuditAction(action), action).toBe(true);
    expect(isAuditAction('user.role_changed')).toBe(false);
    expect(isAuditAction('refund.aproved')).toBe(false);
  });
});
