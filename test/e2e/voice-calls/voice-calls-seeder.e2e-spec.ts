import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLeads } from '../../../src/cli/seeders/leads.seeder.js';
import { seedVoiceTenantCalls } from '../../../src/cli/seeders/voice-calls.seeder.js';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { createTenant } from '../../support/factories/tenancy.js';
import { aiUsageModel, voiceCallModel } from '../../support/factories/voice-calls.js';

describe('voice calls seeder', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenantId: string;
  const agents = [
    { id: new Types.ObjectId(), voiceId: new Types.ObjectId(), fromNumber: '+14155550100' },
    { id: new Types.ObjectId(), fromNumber: '+14155550101' },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t);
    tenantId = (await createTenant(t, owner)).id;
    await seedLeads(t.app, tenantId, 40, new SeedProgress());
  });
  afterAll(() => t?.close());

  it('seeds ended calls with transcripts, costs and usage for the tenant’s callable leads once; a rerun inserts nothing', async () => {
    const first = await seedVoiceTenantCalls(t.app, tenantId, agents, 25, new SeedProgress());
    expect(first).toBe(25);
    expect(await seedVoiceTenantCalls(t.app, tenantId, agents, 25, new SeedProgress())).toBe(0);

    const tenant = new Types.ObjectId(tenantId);
    const calls = await voiceCallModel(t.app).find({ tenantId: tenant }).lean();
    expect(calls).toHaveLength(25);
    expect(await aiUsageModel(t.app).countDocuments({ tenantId: tenant })).toBe(25);
    const completed = calls.filter((call) => call.status === 'completed');
    expect(completed.length).toBeGreaterThan(0);
    for (const call of completed) {
      expect(call.transcription.length).toBeGreaterThan(0);
      expect(call.costMinor).toBeGreaterThan(0);
    }
    const dnc = await voiceCallModel(t.app).db.collection('leads').distinct('_id', { tenantId: tenant, status: 'do_not_call' });
    const called = new Set(calls.map((call) => call.leadId?.toString()));
    for (const id of dnc) expect(called.has(id.toString())).toBe(false);

    const usage = await t.http().get(`/api/tenants/${tenantId}/usage/voice`).set(bearer(owner));
    expect(usage.status, JSON.stringify(usage.body)).toBe(200);
  });
});
