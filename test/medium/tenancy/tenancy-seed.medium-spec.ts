import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedTenancy } from '../../../src/cli/seeders/tenancy.seeder.js';
import { MembersService } from '../../../src/modules/tenancy/members.service.js';
import { TeamsService } from '../../../src/modules/tenancy/teams.service.js';
import { account } from '../../support/factories/identity.js';
import { inviteModel, membershipModel, tenantModel } from '../../support/factories/tenancy.js';
import { startMediumApp } from '../../support/medium-app.js';

const system = { client: {}, requestId: 'seed-check', system: true };

describe('the tenancy seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    await Promise.all(Array.from({ length: 6 }, () => account(app)));
  });
  afterAll(() => close?.());

  it('seeds tenants with one owner each, teams and pending invites the API reads, and adds nothing on a rerun', async () => {
    const progress = new SeedProgress();
    expect(await seedTenancy(app, 5, progress)).toBe(5);
    expect(await seedTenancy(app, 5, progress)).toBe(0);
    const tenants = await tenantModel(app).find().lean();
    expect(tenants).toHaveLength(5);
    for (const tenant of tenants) {
      const owners = await membershipModel(app).countDocuments({ tenantId: tenant._id, role: 'owner' });
      expect(owners).toBe(tenant.ownerCount);
      expect(await membershipModel(app).countDocuments({ tenantId: tenant._id })).toBe(tenant.memberCount);
      expect(await inviteModel(app).countDocuments({ tenantId: tenant._id, status: 'pending' })).toBe(2);
      const members = await app.get(MembersService).list(system, tenant._id.toString(), { page: 1, limit: 20 } as never);
      expect(members.total).toBe(tenant.memberCount);
      const teams = await app.get(TeamsService).list(system, tenant._id.toString(), { page: 1, limit: 20 } as never);
      expect(teams.total).toBe(2);
    }
  });
});
