import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { recordedEntry } from '../../support/factories/audit.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';

interface EntryBody {
  tenantId?: string;
  targetId: string;
  action: string;
  actor: { id?: string; role: string };
  ip?: string;
}

/** A tenant's own log: its owners and admins read it when the plan includes the feature; nobody sees another tenant's. */
describe('tenant audit log', () => {
  let t: TestApp;
  let staff: TestUser;
  let owner: TestUser;
  let tenantAdmin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let tenantId: string;
  let otherTenantId: string;
  let ours: string[];
  let theirs: string[];

  const readLog = (caller: TestUser, query: Record<string, string> = {}, id = tenantId) =>
    t.http().get(`/api/tenants/${id}/audit-logs`).query(query).set(bearer(caller));

  beforeAll(async () => {
    t = await startTestApp();
    [staff, owner, tenantAdmin, member, outsider] = await Promise.all([
      userWithRole(t, 'staff'),
      registerUser(t),
      registerUser(t),
      registerUser(t),
      registerUser(t),
    ]);
    tenantId = (await createTenant(t, owner)).id;
    otherTenantId = (await createTenant(t, outsider)).id;
    await addMember(t, tenantId, owner, tenantAdmin, 'admin');
    await addMember(t, tenantId, owner, member, 'member');
    ours = [];
    theirs = [];
    for (const action of ['team.created', 'team.updated', 'invite.created'] as const)
      ours.push((await recordedEntry(t.app, owner, { action, targetType: 'team', tenantId })).targetId);
    ours.push((await recordedEntry(t.app, staff, { action: 'override.set', targetType: 'tenant-feature', tenantId })).targetId);
    for (const action of ['team.created', 'tenant.updated'] as const)
      theirs.push((await recordedEntry(t.app, outsider, { action, targetType: 'team', tenantId: otherTenantId })).targetId);
  });
  afterAll(() => t?.close());

  it('answers 402 naming the feature while the tenant’s plan does not include the audit log', async () => {
    const response = await readLog(owner);
    expect(response.status).toBe(402);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(response.body)).toContain('audit-log');
  });

  it('lets the owner and a tenant admin read the log once staff switch the feature on, with only this tenant’s entries', async () => {
    const override = await t
      .http()
      .put(`/api/tenants/${tenantId}/features/audit-log`)
      .set(bearer(staff))
      .send({ value: true, reason: 'Audit log trial' });
    expect(override.status, JSON.stringify(override.body)).toBe(200);

    for (const reader of [owner, tenantAdmin]) {
      const response = await readLog(reader, { limit: '100' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const items = response.body.items as EntryBody[];
      expect(items.every((entry) => entry.tenantId === tenantId)).toBe(true);
      const targets = items.map((entry) => entry.targetId);
      expect(targets).toEqual(expect.arrayContaining(ours));
      expect(targets.some((id) => theirs.includes(id))).toBe(false);
    }
  });

  it('applies the same filters, within the tenant only', async () => {
    const teams = (await readLog(owner, { action: 'team.' })).body.items as EntryBody[];
    expect(teams.map((entry) => entry.targetId)).toEqual([ours[1], ours[0]]);
    expect(((await readLog(owner, { targetId: theirs[0] })).body.items as EntryBody[]).length).toBe(0);
    expect(((await readLog(owner, { actor: staff.id })).body.items as EntryBody[]).map((entry) => entry.targetId)).toContain(ours[3]);
    const paged = await readLog(owner, { targetType: 'team', limit: '2' });
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.nextCursor).toEqual(expect.any(String));
    expect((await readLog(owner, { action: 'NOPE' })).status).toBe(400);
  });

  it('shows tenants their members’ addresses but not those of staff acting on the tenant; staff see everything', async () => {
    const asOwner = ((await readLog(owner, { targetType: 'tenant-feature' })).body.items as EntryBody[]).find(
      (e) => e.targetId === ours[3],
    );
    expect(asOwner).toMatchObject({ action: 'override.set', actor: { id: staff.id, role: 'staff' } });
    expect(asOwner!.ip).toBeUndefined();
    const asStaff = await readLog(staff, { targetType: 'tenant-feature' });
    expect(asStaff.status).toBe(200);
    expect((asStaff.body.items as EntryBody[]).find((e) => e.targetId === ours[3])!.ip).toBeTruthy();
    const memberEntry = ((await readLog(owner, { targetId: ours[0] })).body.items as EntryBody[])[0];
    expect(memberEntry.ip).toBeTruthy();
  });

  it('refuses a plain member (403) and tells an outsider the tenant does not exist (404)', async () => {
    expect((await readLog(member)).status).toBe(403);
    expect((await readLog(outsider)).status).toBe(404);
    expect((await readLog(owner, {}, otherTenantId)).status).toBe(404);
    expect((await t.http().get(`/api/tenants/${tenantId}/audit-logs`)).status).toBe(401);
  });

  it('keeps the other tenant’s log closed while its plan lacks the feature, even to its owner', async () => {
    expect((await readLog(outsider, {}, otherTenantId)).status).toBe(402);
  });
});
