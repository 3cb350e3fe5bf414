import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { UnscopedTenantQueryError } from '../../../src/core/database/tenant-scoped.js';
import { TenantDirectory } from '../../../src/modules/tenancy/index.js';
import { InvitesService } from '../../../src/modules/tenancy/invites.service.js';
import { MembersService } from '../../../src/modules/tenancy/members.service.js';
import { TenantsService } from '../../../src/modules/tenancy/tenants.service.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { inviteModel, membershipModel, teamModel, tenantModel } from '../../support/factories/tenancy.js';
import { startMediumApp } from '../../support/medium-app.js';

const tenantCtx = (user: { id: string }, tenantId: string, roles: string[]) => ({ ...contextOf(user), tenant: { id: tenantId, roles } });

describe('tenancy against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => ({ app, close } = await startMediumApp()));
  afterAll(() => close?.());

  async function tenantWithOwners(count: number) {
    const owners = await Promise.all(Array.from({ length: count }, () => account(app)));
    const tenant = await app.get(TenantsService).create(contextOf(owners[0]), { name: `Medium ${new Types.ObjectId().toString()}` });
    for (const owner of owners.slice(1))
      await app.get(MembersService).add(tenantCtx(owners[0], tenant.id, ['owner']), tenant.id, { userId: owner.id, role: 'owner' });
    return { tenant, owners };
  }

  it('one membership per (tenant, user): ten concurrent adds of one user make one', async () => {
    const { tenant, owners } = await tenantWithOwners(1);
    const user = await account(app);
    const ctx = tenantCtx(owners[0], tenant.id, ['owner']);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => app.get(MembersService).add(ctx, tenant.id, { userId: user.id })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.status),
    ).toEqual(Array(9).fill(409));
    expect(await membershipModel(app).countDocuments({ tenantId: tenant.id, userId: user.id })).toBe(1);
    expect((await tenantModel(app).findById(tenant.id).lean())?.memberCount).toBe(2);
  });

  it('three owners all demoting themselves at once keep exactly one owner, and the count agrees', async () => {
    for (let round = 0; round < 5; round++) {
      const { tenant, owners } = await tenantWithOwners(3);
      const results = await Promise.allSettled(
        owners.map((owner) => app.get(MembersService).changeRole(tenantCtx(owner, tenant.id, ['owner']), tenant.id, owner.id, 'member')),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
      const owned = await membershipModel(app).countDocuments({ tenantId: tenant.id, role: 'owner' });
      expect(owned).toBe(1);
      expect((await tenantModel(app).findById(tenant.id).lean())?.ownerCount).toBe(1);
    }
  });

  it('two owners removing each other at once leave one', async () => {
    const { tenant, owners } = await tenantWithOwners(2);
    const [a, b] = owners;
    await Promise.allSettled([
      app.get(MembersService).remove(tenantCtx(a, tenant.id, ['owner']), tenant.id, b.id),
      app.get(MembersService).remove(tenantCtx(b, tenant.id, ['owner']), tenant.id, a.id),
    ]);
    expect(await membershipModel(app).countDocuments({ tenantId: tenant.id, role: 'owner' })).toBe(1);
  });

  it('one pending invite per (tenant, address) under concurrency', async () => {
    const { tenant, owners } = await tenantWithOwners(1);
    const ctx = tenantCtx(owners[0], tenant.id, ['owner']);
    const email = `race.${new Types.ObjectId().toString()}@example.com`;
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => app.get(InvitesService).create(ctx, tenant.id, { email })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await inviteModel(app).countDocuments({ tenantId: tenant.id, email, status: 'pending' })).toBe(1);
  });

  it('team names are unique per tenant, not across tenants', async () => {
    const first = await tenantWithOwners(1);
    const second = await tenantWithOwners(1);
    await teamModel(app).create({ tenantId: first.tenant.id, name: 'Ops', nameKey: 'ops', createdBy: first.owners[0].id });
    await expect(
      teamModel(app).create({ tenantId: first.tenant.id, name: 'OPS', nameKey: 'ops', createdBy: first.owners[0].id }),
    ).rejects.toMatchObject({ code: 11000 });
    await teamModel(app).create({ tenantId: second.tenant.id, name: 'Ops', nameKey: 'ops', createdBy: second.owners[0].id });
  });

  it('the plugin refuses unscoped queries on tenant collections at run time, unless they say acrossTenants', async () => {
    await expect(membershipModel(app).find({}).lean()).rejects.toBeInstanceOf(UnscopedTenantQueryError);
    await expect(inviteModel(app).deleteMany({ status: 'revoked' })).rejects.toBeInstanceOf(UnscopedTenantQueryError);
    await expect(teamModel(app).countDocuments()).rejects.toBeInstanceOf(UnscopedTenantQueryError);
    await expect(membershipModel(app).aggregate([{ $group: { _id: '$role' } }])).rejects.toBeInstanceOf(UnscopedTenantQueryError);
    expect(Array.isArray(await membershipModel(app).find({}).setOptions({ acrossTenants: true }).lean())).toBe(true);
    expect(
      Array.isArray(
        await membershipModel(app)
          .aggregate([{ $group: { _id: '$role' } }])
          .option({ acrossTenants: true }),
      ),
    ).toBe(true);
  });

  it('setPlan is idempotent per billing event and the directory answers closed tenants as inactive', async () => {
    const { tenant, owners } = await tenantWithOwners(1);
    const directory = app.get(TenantDirectory);
    await directory.setPlan(tenant.id, 'pro', { eventId: 'evt_a' });
    const first = await tenantModel(app).findById(tenant.id).lean();
    await directory.setPlan(tenant.id, 'pro', { eventId: 'evt_a' });
    expect((await tenantModel(app).findById(tenant.id).lean())?.planOrigin?.changedAt).toEqual(first?.planOrigin?.changedAt);
    await app.get(TenantsService).close(tenantCtx(owners[0], tenant.id, ['owner']), tenant.id);
    expect(await directory.get(tenant.id)).toMatchObject({ active: false, slug: tenant.slug });
    expect(await directory.planOf(tenant.id)).toBeUndefined();
    expect(await directory.get('not-an-id')).toBeUndefined();
  });
});
