import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addMember, createTenant, tenantModel } from '../../support/factories/tenancy.js';

describe('tenants', () => {
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

  it('creates a tenant with a slug from its name, the creator as owner, on the free plan', async () => {
    const response = await t.http().post('/api/tenants').set(bearer(owner)).send({ name: 'Ünïcode Café & Co' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ slug: 'unicode-cafe-co', planKey: 'free', active: true, role: 'owner', memberCount: 1 });
    const mine = await t.http().get('/api/users/me/tenants').set(bearer(owner));
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({ id: response.body.id, role: 'owner', slug: 'unicode-cafe-co' })]);
  });

  it('answers 409 for a slug another tenant holds, and suffixes a generated one', async () => {
    await createTenant(t, owner, { name: 'Taken', slug: 'taken-slug' });
    const taken = await t.http().post('/api/tenants').set(bearer(outsider)).send({ name: 'Other', slug: 'taken-slug' });
    expect(taken.status).toBe(409);
    expect(taken.body.type).toBe('urn:atrium:problem:slug-taken');
    const generated = await t.http().post('/api/tenants').set(bearer(outsider)).send({ name: 'Taken Slug' });
    expect(generated.status).toBe(201);
    expect(generated.body.slug).toMatch(/^taken-slug-[0-9a-f]{5}$/);
  });

  it('refuses bad slugs and settings as 400, never 500', async () => {
    for (const body of [
      { name: 'X', slug: 'Upper Case' },
      { name: 'X', slug: 'a' },
      { name: '' },
      { name: 'X', settings: { logoUrl: 'http://insecure.example.com/logo.png' } },
      { name: 'X', settings: { logoUrl: 'https://127.0.0.1/logo.png' } },
      { name: 'X', settings: { brandColor: 'red' } },
      { name: 'X', settings: { unknown: 1 } },
    ]) {
      const response = await t.http().post('/api/tenants').set(bearer(owner)).send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('refuses a name of spaces alone, on create and on rename, as the document says, and keeps the old name', async () => {
    const tenant = await createTenant(t, owner, { name: 'Kept Name' });
    for (const name of [' ', '\t\n ']) {
      const created = await t.http().post('/api/tenants').set(bearer(owner)).send({ name });
      expect(created.status, JSON.stringify(created.body)).toBe(400);
      expect(created.body.errors).toEqual([expect.objectContaining({ field: 'name', message: 'name must not be blank' })]);
      const renamed = await t.http().patch(`/api/tenants/${tenant.id}`).set(bearer(owner)).send({ name });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(400);
    }
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(owner))).body.name).toBe('Kept Name');
    const document = (await t.http().get('/docs-json')).body;
    const schemas = document.components.schemas;
    for (const dto of ['CreateTenantDto', 'UpdateTenantDto']) {
      const pattern = new RegExp(schemas[dto].properties.name.pattern);
      expect([pattern.test(' \t\n'), pattern.test(' a ')], dto).toEqual([false, true]);
    }
  });

  it('lets members read, managers update, and hides the tenant from outsiders', async () => {
    const tenant = await createTenant(t, owner, { settings: { timezone: 'Europe/Berlin' } });
    await addMember(t, tenant.id, owner, member, 'member');
    const read = await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(member));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: tenant.id, role: 'member', memberCount: 2, settings: { timezone: 'Europe/Berlin' } });
    expect((await t.http().patch(`/api/tenants/${tenant.id}`).set(bearer(member)).send({ name: 'Nope' })).status).toBe(403);
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(outsider))).status).toBe(404);
    const renamed = await t
      .http()
      .patch(`/api/tenants/${tenant.id}`)
      .set(bearer(owner))
      .send({ name: 'Renamed', settings: { brandColor: '#112233', logoUrl: 'https://cdn.example.com/logo.png' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.settings).toEqual({
      timezone: 'Europe/Berlin',
      brandColor: '#112233',
      logoUrl: 'https://cdn.example.com/logo.png',
    });
    expect((await t.http().get(`/api/tenants/${tenant.id}`).set(bearer(staff))).body).toMatchObject({ name: 'Renamed' });
  });

  it('lists tenants for staff with filters, and refuses users', async () => {
    const tenant = await createTenant(t, owner, { slug: 'staff-list-probe' });
    expect((await t.http().get('/api/tenants').set(bearer(owner))).status).toBe(403);
    const listed = await t.http().get('/api/tenants').query({ slug: 'staff-list-probe' }).set(bearer(staff));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: tenant.id }] });
  });

  it('a billing plan change reaches the tenant through the directory, once', async () => {
    const { TenantDirectory } = await import('../../../src/modules/tenancy/index.js');
    const tenant = await createTenant(t, owner);
    const directory = t.app.get(TenantDirectory);
    await directory.setPlan(tenant.id, 'pro', { subscriptionId: 'sub_1', eventId: 'evt_1' });
    await directory.setPlan(tenant.id, 'pro', { subscriptionId: 'sub_1', eventId: 'evt_1' });
    expect(await directory.planOf(tenant.id)).toBe('pro');
    expect(await directory.get(tenant.id)).toMatchObject({ id: tenant.id, slug: tenant.slug, planKey: 'pro', active: true });
    const stored = await tenantModel(t.app).findById(tenant.id).lean();
    expect(stored?.planOrigin).toMatchObject({ subscriptionId: 'sub_1', eventId: 'evt_1' });
  });
});
