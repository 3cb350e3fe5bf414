import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVoiceAgents } from '../../../src/cli/seeders/voice-agents.seeder.js';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { createTenant } from '../../support/factories/tenancy.js';

describe('voice agents seeder', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t);
    tenantId = (await createTenant(t, owner)).id;
  });
  afterAll(() => t?.close());

  it('seeds two voices, three numbers and three agents once; a rerun inserts nothing and answers the same ids', async () => {
    const first = await seedVoiceAgents(t.app, new SeedProgress(), tenantId);
    expect(first.inserted).toBe(8);
    expect(first.activeAgents).toHaveLength(2);
    expect(first.agents.map((agent) => agent.status).sort()).toEqual(['active', 'active', 'draft']);
    const again = await seedVoiceAgents(t.app, new SeedProgress(), tenantId);
    expect(again.inserted).toBe(0);
    expect(again.agents.map((agent) => agent.id.toString())).toEqual(first.agents.map((agent) => agent.id.toString()));

    const agents = await t.http().get(`/api/tenants/${tenantId}/voice-agents`).set(bearer(owner));
    expect(agents.status, JSON.stringify(agents.body)).toBe(200);
    expect(agents.body.items).toHaveLength(3);
    expect((await t.http().get(`/api/tenants/${tenantId}/voices`).set(bearer(owner))).body.items).toHaveLength(2);
    expect((await t.http().get(`/api/tenants/${tenantId}/phone-numbers`).set(bearer(owner))).body.items).toHaveLength(3);
    const [calling] = first.activeAgents;
    const resolved = await t
      .http()
      .get(`/api/tenants/${tenantId}/phone-numbers/resolve/${encodeURIComponent(calling.fromNumber)}`)
      .set(bearer(owner));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.agentId).toBe(calling.id.toString());
    // Seeded agents move through the routes like any other.
    const paused = await t.http().post(`/api/tenants/${tenantId}/voice-agents/${calling.id.toString()}/pause`).set(bearer(owner));
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    const draft = first.agents.find((agent) => agent.status === 'draft')!;
    const activated = await t.http().post(`/api/tenants/${tenantId}/voice-agents/${draft.id.toString()}/activate`).set(bearer(owner));
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  });
});
