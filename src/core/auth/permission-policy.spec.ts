import { describe, expect, it } from 'vitest';
import { PermissionPolicy } from './permission-policy.js';
import type { RequestContext } from './request-context.js';

const policy = new PermissionPolicy();
policy.register({
  'thing.read': ['owner', 'participant', 'staff'],
  'thing.assign': ['staff'],
  'thing.browse': ['public'],
  'thing.manage': [{ tenantRoles: ['owner', 'admin'] }],
});

const as = (id: string, role: 'user' | 'staff' | 'admin', tenant?: RequestContext['tenant']): RequestContext => ({
  actor: { id, role, sessionId: 's' },
  client: {},
  requestId: 'r',
  tenant,
});
const anonymous: RequestContext = { client: {}, requestId: 'r' };

describe('permission policy', () => {
  const thing = { ownerId: 'owner-1', participantIds: ['helper-1'], tenantId: 't1' };

  it('grants by ownership, participation or role', () => {
    expect(policy.can(as('owner-1', 'user'), 'thing.read', thing)).toBe(true);
    expect(policy.can(as('helper-1', 'user'), 'thing.read', thing)).toBe(true);
    expect(policy.can(as('staff-1', 'staff'), 'thing.read', thing)).toBe(true);
    expect(policy.can(as('admin-1', 'admin'), 'thing.assign')).toBe(true);
    expect(policy.can(as('other', 'user'), 'thing.read', thing)).toBe(false);
    expect(policy.can(anonymous, 'thing.read', thing)).toBe(false);
    expect(policy.can(anonymous, 'thing.browse')).toBe(true);
  });

  it('hides another caller’s resource as 404 and refuses a missing role with 403', () => {
    expect(() => policy.requireOn(as('other', 'user'), 'thing.read', thing, 'thing')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => policy.require(as('owner-1', 'user'), 'thing.assign')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('grants tenant roles only inside the subject’s own tenant', () => {
    expect(policy.can(as('u', 'user', { id: 't1', roles: ['admin'] }), 'thing.manage', thing)).toBe(true);
    expect(policy.can(as('u', 'user', { id: 't2', roles: ['admin'] }), 'thing.manage', thing)).toBe(false);
    expect(policy.can(as('u', 'user', { id: 't1', roles: ['member'] }), 'thing.manage', thing)).toBe(false);
  });

  it('refuses an undeclared permission loudly and a second declaration of one', () => {
    expect(() => policy.can(anonymous, 'thing.fly')).toThrow(/not declared/);
    expect(() => policy.register({ 'thing.read': ['public'] })).toThrow(/declared twice/);
  });
});
