import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addMember, createTenant, membershipModel, tenantModel } from '../../support/factories/tenancy.js';

describe('tenant members', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  const roleOf = async (tenantId: string, userId: string) => (await membershipModel(t.app).findOne({ tenantId, userId }).lean())?.role;

  it('refuses to remove or demote the last owner (409), even when they try to leave', async () => {
    const owner = await registerUser(t);
    const tenant = await createTenant(t, owner);
    const demote = await t.http().patch(`/api/tenants/${tenant.id}/members/${owner.id}`).set(bearer(owner)).send({ role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.type).toBe('urn:atrium:problem:last-owner');
    expect((await t.http().delete(`/api/tenants/${tenant.id}/members/${owner.id}`).set(bearer(owner))).status).toBe(409);
    expect((await t.http().delete(`/api/tenants/${tenant.id}/members/${owner.id}`).set(bearer(staff))).status).toBe(409);
    expect(await roleOf(tenant.id, owner.id)).toBe('owner');
  });

  it('two owners demoting each other at once leave at least one owner', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([registerUser(t), registerUser(t)]);
      const tenant = await createTenant(t, a);
      await addMember(t, tenant.id, a, b, 'owner');
      const [first, second] = await Promise.all([
        t.http().patch(`/api/tenants/${tenant.id}/members/${b.id}`).set(bearer(a)).send({ role: 'member' }),
        t.http().patch(`/api/tenants/${tenant.id}/members/${a.id}`).set(bearer(b)).send({ role: 'member' }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
      const owners = await membershipModel(t.app).countDocuments({ tenantId: tenant.id, role: 'owner' });
      expect(owners).toBeGreaterThanOrEqual(1);
      expect((await tenantModel(t.app).findById(tenant.id).lean())?.ownerCount).toBe(owners);
    }
  });

  it('admins manage members but never owners; members and viewers read only', async () => {
    const [owner, admin, member, viewer, newcomer] = await Promise.all([1, 2, 3, 4, 5].map(() => registerUser(t)));
    const tenant = await createTenant(t, owner);
    await addMember(t, tenant.id, owner, admin, 'admin');
    await addMember(t, tenant.id, owner, member, 'member');
    await addMember(t, tenant.id, admin, viewer, 'viewer');
    const promote = await t.http().patch(`/api/tenants/${tenant.id}/members/${member.id}`).set(bearer(admin)).send({ role: 'owner' });
    expect(promote.status).toBe(403);
    expect((await t.http().patch(`/api/tenants/${tenant.id}/members/${owner.id}`).set(bearer(admin)).send({ role: 'member' })).status).toBe(
      403,
    );
    expect((await t.http().delete(`/api/tenants/${tenant.id}/members/${owner.id}`).set(bearer(admin))).status).toBe(403);
    expect(
      (await t.http().post(`/api/tenants/${tenant.id}/members`).set(bearer(admin)).send({ userId: newcomer.id, role: 'owner' })).status,
    ).toBe(403);
    const viewerToMember = await t
      .http()
      .patch(`/api/tenants/${tenant.id}/members/${viewer.id}`)
      .set(bearer(admin))
      .send({ role: 'member' });
    expect(viewerToMember.status).toBe(200);
    expect(viewerToMember.body).toMatchObject({ userId: viewer.id, role: 'member' });
    for (const caller of [member, viewer]) {
      expect((await t.http().get(`/api/tenants/${tenant.id}/members`).set(bearer(caller))).status).toBe(200);
      expect((await t.http().post(`/api/tenants/${tenant.id}/members`).set(bearer(caller)).send({ email: newcomer.email })).status).toBe(
        403,
      );
    }
    const byEmail = await t.http().post(`/api/tenants/${tenant.id}/members`).set(bearer(admin)).send({ email: newcomer.email });
    expect(byEmail.status).toBe(201);
    expect((await t.http().post(`/api/tenants/${tenant.id}/members`).set(bearer(admin)).send({ userId: newcomer.id })).status).toBe(409);
    const unknown = await t.http().post(`/api/tenants/${tenant.id}/members`).set(bearer(admin)).send({ email: 'nobody.here@example.com' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'email', message: 'names no account; invite the address instead' }]);
    const both = await t
      .http()
      .post(`/api/tenants/${tenant.id}/members`)
      .set(bearer(admin))
      .send({ email: newcomer.email, userId: newcomer.id });
    expect(both.status).toBe(400);
  });

  it('a removed member is out on their very next request, and a member may leave', async () => {
    const [owner, member, leaver] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const tenant = await createTenant(t, owner);
    await addMember(t, tenant.id, owner, member);
    await addMember(t, tenant.id, owner, leaver);
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(member))).status).toBe(200);
    expect((await t.http().delete(`/api/tenants/${tenant.id}/members/${member.id}`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(member))).status).toBe(404);
    expect((await t.http().delete(`/api/tenants/${tenant.id}/members/${owner.id}`).set(bearer(leaver))).status).toBe(403);
    expect((await t.http().delete(`/api/tenants/${tenant.id}/members/${leaver.id}`).set(bearer(leaver))).status).toBe(204);
    expect((await t.http().get('/api/users/me/tenants').set(bearer(leaver))).body).toEqual([]);
  });

  it('transfers ownership: the member becomes owner, the previous owner admin', async () => {
    const [owner, member, admin] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const tenant = await createTenant(t, owner);
    await addMember(t, tenant.id, owner, member, 'member');
    await addMember(t, tenant.id, owner, admin, 'admin');
    expect(
      (await t.http().post(`/api/tenants/${tenant.id}/transfer-ownership`).set(bearer(admin)).send({ userId: member.id })).status,
    ).toBe(403);
    const outsider = await registerUser(t);
    expect(
      (await t.http().post(`/api/tenants/${tenant.id}/transfer-ownership`).set(bearer(owner)).send({ userId: outsider.id })).status,
    ).toBe(404);
    const moved = await t.http().post(`/api/tenants/${tenant.id}/transfer-ownership`).set(bearer(owner)).send({ userId: member.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ userId: member.id, role: 'owner' });
    expect(await roleOf(tenant.id, owner.id)).toBe('admin');
    expect(await roleOf(tenant.id, member.id)).toBe('owner');
    expect((await tenantModel(t.app).findById(tenant.id).lean())?.ownerCount).toBe(1);
    const mine = await t.http().get('/api/users/me/tenants').set(bearer(owner));
    expect(mine.body).toEqual([expect.objectContaining({ id: tenant.id, role: 'admin' })]);
  });

  it('/api/users/me/tenants is its own route beside identity’s /api/users/:id', async () => {
    const user = await registerUser(t);
    expect((await t.http().get('/api/users/me/tenants').set(bearer(user))).status).toBe(200);
    expect((await t.http().get('/api/users/me/tenants')).status).toBe(401);
    expect((await t.http().post('/api/users/me/tenants').set(bearer(user))).status).toBe(405);
    expect((await t.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
  });

  it('a deleted account leaves its tenants: the oldest admin succeeds a last owner, else the oldest member, else the tenant closes', async () => {
    const [owner, oldMember, admin, lateMember] = await Promise.all([1, 2, 3, 4].map(() => registerUser(t)));
    const withAdmin = await createTenant(t, owner);
    await addMember(t, withAdmin.id, owner, oldMember, 'member');
    await addMember(t, withAdmin.id, owner, admin, 'admin');
    const withMembers = await createTenant(t, owner);
    await addMember(t, withMembers.id, owner, oldMember, 'member');
    await addMember(t, withMembers.id, owner, lateMember, 'member');
    const alone = await createTenant(t, owner);

    await t.http().delete('/api/users/me').set(bearer(owner)).send({ password: owner.password }).expect(204);
    await t.app.get(EffectsRelay).sweep();

    expect(await membershipModel(t.app).countDocuments({ userId: owner.id }).setOptions({ acrossTenants: true })).toBe(0);
    expect(await roleOf(withAdmin.id, admin.id)).toBe('owner');
    expect(await roleOf(withAdmin.id, oldMember.id)).toBe('member');
    expect(await roleOf(withMembers.id, oldMember.id)).toBe('owner');
    expect(await roleOf(withMembers.id, lateMember.id)).toBe('member');
    expect((await tenantModel(t.app).findById(withMembers.id).lean())?.ownerCount).toBe(1);
    expect((await tenantModel(t.app).findById(alone.id).lean())?.active).toBe(false);
    expect((await t.http().get(`/api/tenants/${alone.id}`).set(bearer(staff))).status).toBe(404);
  });
});
