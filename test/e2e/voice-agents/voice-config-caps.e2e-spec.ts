import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { createTenant } from '../../support/factories/tenancy.js';
import { uniqueNumber } from '../../support/factories/voice-agents.js';

// Small caps so a handful of requests reach them; read once at boot.
process.env.VOICE_AGENTS_MAX_PER_TENANT = '2';
process.env.VOICE_NUMBERS_MAX_PER_TENANT = '2';
process.env.VOICE_TENANT_VOICES_MAX = '2';

describe('how much voice configuration a tenant may keep', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, other] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterAll(async () => {
    delete process.env.VOICE_AGENTS_MAX_PER_TENANT;
    delete process.env.VOICE_NUMBERS_MAX_PER_TENANT;
    delete process.env.VOICE_TENANT_VOICES_MAX;
    await t?.close();
  });

  let sequence = 0;
  const bodies = {
    'voice-agents': () => ({ name: `Agent ${++sequence}` }),
    'phone-numbers': () => ({ number: uniqueNumber(), provider: 'vapi' }),
    voices: () => ({ provider: '11labs', providerVoiceId: `cap-voice-${++sequence}`, name: `Voice ${sequence}` }),
  } as const;
  const create = (caller: TestUser, tenantId: string, kind: keyof typeof bodies) =>
    t.http().post(`/api/tenants/${tenantId}/${kind}`).set(bearer(caller)).send(bodies[kind]());

  for (const kind of Object.keys(bodies) as (keyof typeof bodies)[]) {
    it(`${kind}: the one past the cap is 409 limit-reached with the cap; another tenant and a freed place are unaffected`, async () => {
      const tenantId = (await createTenant(t, owner)).id;
      const kept = [await create(owner, tenantId, kind), await create(owner, tenantId, kind)];
      for (const response of kept) expect(response.status, JSON.stringify(response.body)).toBe(201);
      const over = await create(owner, tenantId, kind);
      expect(over.status, JSON.stringify(over.body)).toBe(409);
      expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(over.body).toMatchObject({ type: expect.stringMatching(/limit-reached$/), max: 2 });
      const listed = await t.http().get(`/api/tenants/${tenantId}/${kind}`).query({ limit: 100 }).set(bearer(owner));
      expect(listed.body.items.filter((item: { source?: string }) => item.source !== 'catalogue')).toHaveLength(2);

      const elsewhere = (await createTenant(t, other)).id;
      expect((await create(other, elsewhere, kind)).status).toBe(201);

      const removed = await t.http().delete(`/api/tenants/${tenantId}/${kind}/${kept[0].body.id}`).set(bearer(owner));
      expect(removed.status, JSON.stringify(removed.body)).toBe(204);
      expect((await create(owner, tenantId, kind)).status).toBe(201);
    });

    it(`${kind}: eight creations at once leave exactly the cap`, async () => {
      const tenantId = (await createTenant(t, owner)).id;
      const responses = await Promise.all(Array.from({ length: 8 }, () => create(owner, tenantId, kind)));
      const statuses = responses.map((response) => response.status);
      expect(
        statuses.every((status) => status === 201 || status === 409),
        JSON.stringify(statuses),
      ).toBe(true);
      const created = statuses.filter((status) => status === 201).length;
      expect(created).toBe(2);
      const stored = await t.connection
        .collection(kind === 'voice-agents' ? 'voice_agents' : kind === 'phone-numbers' ? 'phone_numbers' : 'voices')
        .countDocuments({ tenantId: new Types.ObjectId(tenantId) });
      expect(stored).toBe(created);
    });
  }
});
