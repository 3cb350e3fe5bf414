import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import {
  addMember,
  createTenant,
  invite,
  inviteModel,
  membershipModel,
  teamMemberModel,
  teamModel,
  tenantModel,
} from '../../support/factories/tenancy.js';

const across = { acrossTenants: true };

describe('teams, isolation and closing a tenant', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, member, outsider, staff] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  it('teams: create, read, rename, members with roles, removal; names unique per tenant', async () => {
    const tenant = await createTenant(t, owner);
    await addMember(t, tenant.id, owner, member);
    const base = `/api/tenants/${tenant.id}/teams`;
    const created = await t.http().post(base).set(bearer(owner)).send({ name: 'Sales', description: 'Outbound' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const teamId = created.body.id;
    expect((await t.http().post(base).set(bearer(owner)).send({ name: 'sales' })).status).toBe(409);
    expect((await t.http().post(base).set(bearer(member)).send({ name: 'Mine' })).status).toBe(403);
    expect((await t.http().get(base).set(bearer(member))).body).toMatchObject({ total: 1, items: [{ id: teamId, name: 'Sales' }] });
    const renamed = await t.http().patch(`${base}/${teamId}`).set(bearer(owner)).send({ name: 'Sales EMEA' });
    expect(renamed.body).toMatchObject({ name: 'Sales EMEA', description: 'Outbound' });

    const add = await t.http().post(`${base}/${teamId}/members`).set(bearer(owner)).send({ userId: member.id, role: 'lead' });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    expect((await t.http().post(`${base}/${teamId}/members`).set(bearer(owner)).send({ userId: member.id })).status).toBe(409);
    expect((await t.http().post(`${base}/${teamId}/members`).set(bearer(owner)).send({ userId: outsider.id })).status).toBe(422);
    const changed = await t.http().patch(`${base}/${teamId}/members/${member.id}`).set(bearer(owner)).send({ role: 'member' });
    expect(changed.body).toMatchObject({ userId: member.id, role: 'member' });
    expect((await t.http().get(`${base}/${teamId}/members`).set(bearer(member))).body.items).toEqual([
      expect.objectContaining({ userId: member.id, role: 'member' }),
    ]);
    expect((await t.http().delete(`${base}/${teamId}/members/${member.id}`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().get(`${base}/${teamId}/members`).set(bearer(owner))).body.total).toBe(0);
    expect((await t.http().delete(`${base}/${teamId}`).set(bearer(member))).status).toBe(403);
    expect((await t.http().delete(`${base}/${teamId}`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().get(`${base}/${teamId}`).set(bearer(owner))).status).toBe(404);
  });

  it('removing a tenant member takes them out of its teams', async () => {
    const tenant = await createTenant(t, owner);
    const leaver = await registerUser(t);
    await addMember(t, tenant.id, owner, leaver);
    const team = await t.http().post(`/api/tenants/${tenant.id}/teams`).set(bearer(owner)).send({ name: 'Support' });
    await t
      .http()
      .post(`/api/tenants/${tenant.id}/teams/${team.body.id}/members`)
      .set(bearer(owner))
      .send({ userId: leaver.id })
      .expect(201);
    await t.http().delete(`/api/tenants/${tenant.id}/members/${leaver.id}`).set(bearer(owner)).expect(204);
    expect(await teamMemberModel(t.app).countDocuments({ tenantId: tenant.id, userId: leaver.id })).toBe(0);
  });

  it('an outsider gets 404 on every tenant route, even with the ids of real resources', async () => {
    const tenant = await createTenant(t, owner);
    await createTenant(t, outsider);
    const team = (await t.http().post(`/api/tenants/${tenant.id}/teams`).set(bearer(owner)).send({ name: 'Hidden' })).body.id;
    const inviteId = await invite(t, tenant.id, owner, `hidden.${Date.now()}@example.com`);
    const as = bearer(outsider);
    const base = `/api/tenants/${tenant.id}`;
    const calls = [
      t.http().get(base).set(as),
      t.http().patch(base).set(as).send({ name: 'x' }),
      t.http().delete(base).set(as),
      t.http().get(`${base}/members`).set(as),
      t.http().post(`${base}/members`).set(as).send({ userId: outsider.id }),
      t.http().patch(`${base}/members/${owner.id}`).set(as).send({ role: 'viewer' }),
      t.http().delete(`${base}/members/${owner.id}`).set(as),
      t.http().post(`${base}/transfer-ownership`).set(as).send({ userId: outsider.id }),
      t.http().get(`${base}/invites`).set(as),
      t.http().post(`${base}/invites`).set(as).send({ email: 'a@example.com' }),
      t.http().delete(`${base}/invites/${inviteId}`).set(as),
      t.http().post(`${base}/invites/${inviteId}/resend`).set(as),
      t.http().get(`${base}/teams`).set(as),
      t.http().post(`${base}/teams`).set(as).send({ name: 'x' }),
      t.http().get(`${base}/teams/${team}`).set(as),
      t.http().patch(`${base}/teams/${team}`).set(as).send({ name: 'y' }),
      t.http().delete(`${base}/teams/${team}`).set(as),
      t.http().get(`${base}/teams/${team}/members`).set(as),
      t.http().post(`${base}/teams/${team}/members`).set(as).send({ userId: outsider.id }),
      t.http().patch(`${base}/teams/${team}/members/${owner.id}`).set(as).send({ role: 'lead' }),
      t.http().delete(`${base}/teams/${team}/members/${owner.id}`).set(as),
    ];
    expect((await Promise.all(calls)).map((response) => response.status)).toEqual(calls.map(() => 404));
  });

  it('closing: owners only (or staff); the tenant is gone for everyone with its members, invites and teams', async () => {
    const member = await registerUser(t);
    const tenant = await createTenant(t, owner, { slug: `closing-${Date.now().toString(36)}` });
    await addMember(t, tenant.id, owner, member, 'admin');
    const team = (await t.http().post(`/api/tenants/${tenant.id}/teams`).set(bearer(owner)).send({ name: 'Gone' })).body.id;
    await t.http().post(`/api/tenants/${tenant.id}/teams/${team}/members`).set(bearer(owner)).send({ userId: member.id }).expect(201);
    await invite(t, tenant.id, owner, `pending.${Date.now()}@example.com`);

    expect((await t.http().delete(`/api/tenants/${tenant.id}`).set(bearer(member))).status).toBe(403);
    expect((await t.http().delete(`/api/tenants/${tenant.id}`).set(bearer(owner))).status).toBe(204);
    await t.app.get(EffectsRelay).sweep();

    for (const caller of [owner, member, staff])
      expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(caller))).status).toBe(404);
    expect((await t.http().delete(`/api/tenants/${tenant.id}`).set(bearer(owner))).status).toBe(404);
    expect(await membershipModel(t.app).countDocuments({ tenantId: tenant.id })).toBe(0);
    expect(await inviteModel(t.app).countDocuments({ tenantId: tenant.id })).toBe(0);
    expect(await teamModel(t.app).countDocuments({ tenantId: tenant.id })).toBe(0);
    expect(await teamMemberModel(t.app).countDocuments({ tenantId: tenant.id })).toBe(0);
    const closed = await tenantModel(t.app).findById(tenant.id).lean();
    expect(closed).toMatchObject({ active: false });
    expect(closed?.effects?.some((effect) => effect.name === 'tenancy.close-cascade' && effect.state === 'done')).toBe(true);
    expect((await t.http().get('/api/users/me/tenants').set(bearer(member))).body).toEqual([]);
    // The slug is free again.
    await createTenant(t, outsider, { slug: tenant.slug });
    expect(await membershipModel(t.app).countDocuments({ userId: owner.id }).setOptions(across)).toBeGreaterThan(0);
  });

  it('staff may close a tenant for support', async () => {
    const tenant = await createTenant(t, owner);
    expect((await t.http().delete(`/api/tenants/${tenant.id}`).set(bearer(staff))).status).toBe(204);
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(owner))).status).toBe(404);
  });
});
