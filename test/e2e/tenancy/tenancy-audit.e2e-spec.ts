import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';

interface EntryBody {
  action: string;
  targetType: string;
  targetId: string;
  tenantId?: string;
  actor: { id?: string; role: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** What the tenant's owners and staff read afterwards: every change of roles and members, filed under the tenant. */
describe('tenancy in the audit log', () => {
  let t: TestApp;
  let owner: TestUser;
  let colleague: TestUser;
  let staff: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, colleague, staff] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
    tenantId = (await createTenant(t, owner)).id;
    await addMember(t, tenantId, owner, colleague, 'member');
    const promoted = await t.http().patch(`/api/tenants/${tenantId}/members/${colleague.id}`).set(bearer(owner)).send({ role: 'admin' });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    const handedOver = await t.http().post(`/api/tenants/${tenantId}/transfer-ownership`).set(bearer(owner)).send({ userId: colleague.id });
    expect(handedOver.status, JSON.stringify(handedOver.body)).toBe(200);
  });
  afterAll(() => t?.close());

  const staffLog = async () => {
    const response = await t.http().get('/api/audit-logs').query({ tenantId, limit: '100' }).set(bearer(staff));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as EntryBody[];
  };

  it('records the tenant’s creation, the new member, the role change and the hand-over, each once, under the tenant', async () => {
    const entries = await staffLog();
    const actions = entries.map((entry) => entry.action).sort();
    expect(actions).toEqual(['membership.added', 'membership.role-changed', 'ownership.transferred', 'tenant.created']);
    expect(entries.every((entry) => entry.tenantId === tenantId)).toBe(true);
    expect(entries.every((entry) => entry.actor.id === owner.id && entry.actor.role === 'user')).toBe(true);
  });

  it('keeps the role change as a diff of the role alone', async () => {
    const change = (await staffLog()).find((entry) => entry.action === 'membership.role-changed')!;
    expect(change.before).toMatchObject({ role: 'member' });
    expect(change.after).toMatchObject({ role: 'admin' });
  });

  it('shows the same entries to the tenant’s new owner once its plan includes the audit log', async () => {
    await t.http().put(`/api/tenants/${tenantId}/features/audit-log`).set(bearer(staff)).send({ value: true }).expect(200);
    const response = await t.http().get(`/api/tenants/${tenantId}/audit-logs`).set(bearer(colleague));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const actions = (response.body.items as EntryBody[]).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['tenant.created', 'membership.added', 'membership.role-changed', 'ownership.transferred']),
    );
  });
});
