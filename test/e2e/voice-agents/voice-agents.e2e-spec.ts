import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { AgentDirectory, PhoneResolver } from '../../../src/modules/voice-agents/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';
import {
  activeAgent,
  createAgent,
  createPhoneNumber,
  createTenantVoice,
  moveAgent,
  uniqueNumber,
} from '../../support/factories/voice-agents.js';

describe('voice agents', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let staff: TestUser;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, member, outsider, staff] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
    tenantId = (await createTenant(t, owner)).id;
    otherTenantId = (await createTenant(t, outsider)).id;
    await addMember(t, tenantId, owner, member);
  });
  afterAll(() => t?.close());

  const base = (path: string, tenant = tenantId) => `/api/tenants/${tenant}/${path}`;

  it('lists the shared catalogue to anyone signed in, filtered by language', async () => {
    const all = await t.http().get('/api/voices').set(bearer(member));
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    for (const voice of all.body.items) expect(voice).toMatchObject({ source: 'catalogue', id: expect.stringMatching(/^cat-/) });
    const english = await t.http().get('/api/voices').query({ language: 'en', limit: 100 }).set(bearer(member));
    expect(english.status).toBe(200);
    for (const voice of english.body.items) expect(voice.language).toMatch(/^en(-|$)/);
    expect((await t.http().get('/api/voices')).status).toBe(401);
  });

  it('creates, lists, reads, edits and deletes a tenant voice; a duplicate provider voice is 409', async () => {
    const voice = await createTenantVoice(t, owner, tenantId, { providerVoiceId: 'brand-voice-1', name: 'Brand', language: 'en-GB' });
    expect(voice).toMatchObject({ source: 'tenant', tenantId, provider: '11labs', providerVoiceId: 'brand-voice-1', name: 'Brand' });
    const duplicate = await t
      .http()
      .post(base('voices'))
      .set(bearer(owner))
      .send({ provider: '11labs', providerVoiceId: 'brand-voice-1', name: 'Again' });
    expect(duplicate.status, JSON.stringify(duplicate.body)).toBe(409);
    const listed = await t.http().get(base('voices')).query({ language: 'en' }).set(bearer(member));
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(voice.id);
    const read = await t
      .http()
      .get(base(`voices/${voice.id}`))
      .set(bearer(member));
    expect(read.status).toBe(200);
    const renamed = await t
      .http()
      .patch(base(`voices/${voice.id}`))
      .set(bearer(owner))
      .send({ name: 'Brand two' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.name).toBe('Brand two');
    expect(
      (
        await t
          .http()
          .patch(base(`voices/${voice.id}`))
          .set(bearer(member))
          .send({ name: 'No' })
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .delete(base(`voices/${voice.id}`))
          .set(bearer(owner))
      ).status,
    ).toBe(204);
    expect(
      (
        await t
          .http()
          .get(base(`voices/${voice.id}`))
          .set(bearer(owner))
      ).status,
    ).toBe(404);
  });

  it('refuses to delete a voice an agent still speaks with, naming the agent', async () => {
    const voice = await createTenantVoice(t, owner, tenantId);
    const agent = await createAgent(t, owner, tenantId, { voiceId: voice.id });
    const refused = await t
      .http()
      .delete(base(`voices/${voice.id}`))
      .set(bearer(owner));
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(JSON.stringify(refused.body)).toContain(agent.id);
  });

  it('stores a number in any spelling as E.164; a duplicate is 409 and an invalid one is 400 naming the field', async () => {
    const spelled = await createPhoneNumber(t, owner, tenantId, { number: '+1 (628) 234-5678' });
    expect(spelled).toMatchObject({ e164: '+16282345678', status: 'active', provider: 'vapi', capabilities: { voice: true } });
    const dotted = await createPhoneNumber(t, owner, tenantId, { number: '+1.628.234.5679' });
    expect(dotted.e164).toBe('+16282345679');
    const again = await t.http().post(base('phone-numbers')).set(bearer(owner)).send({ number: '16282345678', provider: 'twilio' });
    const duplicate =
      again.status === 400
        ? await t.http().post(base('phone-numbers')).set(bearer(owner)).send({ number: '+1 628-234-5678', provider: 'twilio' })
        : again;
    expect(duplicate.status, JSON.stringify(duplicate.body)).toBe(409);
    expect(duplicate.body.type).toContain('phone-number-taken');
    // Numbers are unique across tenants: another tenant cannot register it either.
    const elsewhere = await t
      .http()
      .post(base('phone-numbers', otherTenantId))
      .set(bearer(outsider))
      .send({ number: '+16282345678', provider: 'vapi' });
    expect(elsewhere.status).toBe(409);
    for (const number of ['12', 'not a number', '+1 000 000 0000']) {
      const invalid = await t.http().post(base('phone-numbers')).set(bearer(owner)).send({ number, provider: 'vapi' });
      expect(invalid.status, `${number}: ${JSON.stringify(invalid.body)}`).toBe(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field)).toContain('number');
    }
    const listed = await t.http().get(base('phone-numbers')).set(bearer(member));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { e164: string }) => item.e164)).toEqual(expect.arrayContaining(['+16282345678', '+16282345679']));
  });

  it('resolves a spelling of the tenant’s number to it and its default agent; another tenant’s number is 404', async () => {
    const agent = await activeAgent(t, owner, tenantId);
    const spelled = `+1 (${agent.number.slice(2, 5)}) ${agent.number.slice(5, 8)}-${agent.number.slice(8)}`;
    const resolved = await t
      .http()
      .get(base(`phone-numbers/resolve/${encodeURIComponent(spelled)}`))
      .set(bearer(member));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toEqual({
      tenantId,
      phoneNumberId: agent.numberId,
      e164: agent.number,
      status: 'active',
      agentId: agent.agentId,
    });
    // An inbound call: the number called and the caller's, which the tenant knows as a lead.
    const lead = await t.http().post(base('leads')).set(bearer(owner)).send({ name: 'Inbound Caller', phone: '+1 206 555 0188' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    const inbound = await t
      .http()
      .get(base(`phone-numbers/resolve/${encodeURIComponent(agent.number)}`))
      .query({ from: '(206) 555-0188' })
      .set(bearer(member));
    expect(inbound.status, JSON.stringify(inbound.body)).toBe(200);
    expect(inbound.body.caller).toEqual({
      leadId: lead.body.id,
      name: 'Inbound Caller',
      phone: '+12065550188',
      status: 'new',
      timezone: 'America/Los_Angeles',
    });
    const stranger = await t
      .http()
      .get(base(`phone-numbers/resolve/${encodeURIComponent(agent.number)}`))
      .query({ from: '+1 206 555 0199' })
      .set(bearer(member));
    expect(stranger.body.caller).toBeUndefined();
    const badCaller = await t
      .http()
      .get(base(`phone-numbers/resolve/${encodeURIComponent(agent.number)}`))
      .query({ from: '999' })
      .set(bearer(member));
    expect(badCaller.status).toBe(400);
    expect(badCaller.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const theirs = await createPhoneNumber(t, outsider, otherTenantId);
    const foreign = await t
      .http()
      .get(base(`phone-numbers/resolve/${encodeURIComponent(theirs.e164)}`))
      .set(bearer(owner));
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
    const invalid = await t.http().get(base('phone-numbers/resolve/123')).set(bearer(owner));
    expect(invalid.status, JSON.stringify(invalid.body)).toBe(400);
  });

  it('refuses another tenant’s voice or number on an agent, and its agent on a number, with 422 naming the field', async () => {
    const theirVoice = await createTenantVoice(t, outsider, otherTenantId);
    const theirNumber = await createPhoneNumber(t, outsider, otherTenantId);
    const withVoice = await t.http().post(base('voice-agents')).set(bearer(owner)).send({ name: 'Borrower', voiceId: theirVoice.id });
    expect(withVoice.status, JSON.stringify(withVoice.body)).toBe(422);
    expect(JSON.stringify(withVoice.body)).toContain('voiceId');
    const withNumber = await t
      .http()
      .post(base('voice-agents'))
      .set(bearer(owner))
      .send({ name: 'Borrower', defaultNumberId: theirNumber.id });
    expect(withNumber.status, JSON.stringify(withNumber.body)).toBe(422);
    expect(JSON.stringify(withNumber.body)).toContain('defaultNumberId');
    const unknownCatalogue = await t.http().post(base('voice-agents')).set(bearer(owner)).send({ name: 'Borrower', voiceId: 'cat-nobody' });
    expect(unknownCatalogue.status, JSON.stringify(unknownCatalogue.body)).toBe(422);
    const agent = await createAgent(t, owner, tenantId);
    const patched = await t
      .http()
      .patch(base(`voice-agents/${agent.id}`))
      .set(bearer(owner))
      .send({ defaultNumberId: theirNumber.id });
    expect(patched.status, JSON.stringify(patched.body)).toBe(422);
    const theirAgent = await createAgent(t, outsider, otherTenantId);
    const numbered = await t
      .http()
      .post(base('phone-numbers'))
      .set(bearer(owner))
      .send({ number: uniqueNumber(), provider: 'vapi', defaultAgentId: theirAgent.id });
    expect(numbered.status, JSON.stringify(numbered.body)).toBe(422);
    expect(numbered.body).toMatchObject({ field: 'defaultAgentId' });
    const malformed = await t.http().post(base('voice-agents')).set(bearer(owner)).send({ name: 'Bad', voiceId: 'x' });
    expect(malformed.status).toBe(400);
  });

  it('activates an agent only with both a voice and a number', async () => {
    const bare = await createAgent(t, owner, tenantId);
    const missingBoth = await moveAgent(t, owner, tenantId, bare.id, 'activate');
    expect(missingBoth.status, JSON.stringify(missingBoth.body)).toBe(422);
    expect(missingBoth.body.missing).toEqual(['voiceId', 'defaultNumberId']);
    const catalogue = (await t.http().get('/api/voices').set(bearer(owner))).body.items[0].id as string;
    await t
      .http()
      .patch(base(`voice-agents/${bare.id}`))
      .set(bearer(owner))
      .send({ voiceId: catalogue });
    const missingNumber = await moveAgent(t, owner, tenantId, bare.id, 'activate');
    expect(missingNumber.status).toBe(422);
    expect(missingNumber.body.missing).toEqual(['defaultNumberId']);
    const number = await createPhoneNumber(t, owner, tenantId);
    await t
      .http()
      .patch(base(`voice-agents/${bare.id}`))
      .set(bearer(owner))
      .send({ defaultNumberId: number.id });
    const active = await moveAgent(t, owner, tenantId, bare.id, 'activate');
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    expect(active.body).toMatchObject({ status: 'active', voiceId: catalogue, defaultNumberId: number.id });
  });

  it('walks draft → active → paused → active → archived and refuses every other move with 409, repeats answered as they are', async () => {
    const voice = await createTenantVoice(t, owner, tenantId);
    const number = await createPhoneNumber(t, owner, tenantId);
    const agent = await createAgent(t, owner, tenantId, { voiceId: voice.id, defaultNumberId: number.id });
    const expectMove = async (move: 'activate' | 'pause' | 'resume' | 'archive', status: number, after?: string) => {
      const response = await moveAgent(t, owner, tenantId, agent.id, move);
      expect(response.status, `${move}: ${JSON.stringify(response.body)}`).toBe(status);
      if (after) expect(response.body.status).toBe(after);
    };
    await expectMove('pause', 409);
    await expectMove('resume', 409);
    expect((await moveAgent(t, member, tenantId, agent.id, 'activate')).status).toBe(403);
    await expectMove('activate', 200, 'active');
    // A move repeated (or a resume of an agent already running) answers the agent as it is.
    await expectMove('activate', 200, 'active');
    await expectMove('resume', 200, 'active');
    await expectMove('pause', 200, 'paused');
    await expectMove('activate', 409);
    await expectMove('resume', 200, 'active');
    await expectMove('archive', 200, 'archived');
    await expectMove('activate', 409);
    await expectMove('pause', 409);
    await expectMove('resume', 409);
    await expectMove('archive', 200, 'archived');
    const edit = await t
      .http()
      .patch(base(`voice-agents/${agent.id}`))
      .set(bearer(owner))
      .send({ name: 'Too late' });
    expect(edit.status).toBe(409);
    const listed = await t.http().get(base('voice-agents')).query({ status: 'archived' }).set(bearer(member));
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(agent.id);
  });

  it('deletes a draft, but an agent that ran is archived instead (409 on delete); archiving frees its number', async () => {
    const draft = await createAgent(t, owner, tenantId);
    expect(
      (
        await t
          .http()
          .delete(base(`voice-agents/${draft.id}`))
          .set(bearer(member))
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .delete(base(`voice-agents/${draft.id}`))
          .set(bearer(owner))
      ).status,
    ).toBe(204);
    expect(
      (
        await t
          .http()
          .get(base(`voice-agents/${draft.id}`))
          .set(bearer(owner))
      ).status,
    ).toBe(404);
    const agent = await activeAgent(t, owner, tenantId);
    const refused = await t
      .http()
      .delete(base(`voice-agents/${agent.agentId}`))
      .set(bearer(owner));
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(
      (
        await t
          .http()
          .delete(base(`phone-numbers/${agent.numberId}`))
          .set(bearer(owner))
      ).status,
    ).toBe(409);
    expect((await moveAgent(t, owner, tenantId, agent.agentId, 'archive')).status).toBe(200);
    const number = await t
      .http()
      .get(base(`phone-numbers/${agent.numberId}`))
      .set(bearer(owner));
    expect(number.body.defaultAgentId).toBeUndefined();
    expect(
      (
        await t
          .http()
          .delete(base(`phone-numbers/${agent.numberId}`))
          .set(bearer(owner))
      ).status,
    ).toBe(204);
  });

  it('suspends a number (an agent cannot activate on it) and never brings a released one back', async () => {
    const number = await createPhoneNumber(t, owner, tenantId);
    const voice = await createTenantVoice(t, owner, tenantId);
    const agent = await createAgent(t, owner, tenantId, { voiceId: voice.id, defaultNumberId: number.id });
    const suspended = await t
      .http()
      .patch(base(`phone-numbers/${number.id}`))
      .set(bearer(owner))
      .send({ status: 'suspended' });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect((await moveAgent(t, owner, tenantId, agent.id, 'activate')).status).toBe(409);
    const released = await t
      .http()
      .patch(base(`phone-numbers/${number.id}`))
      .set(bearer(owner))
      .send({ status: 'released' });
    expect(released.status).toBe(200);
    const back = await t
      .http()
      .patch(base(`phone-numbers/${number.id}`))
      .set(bearer(owner))
      .send({ status: 'active' });
    expect(back.status).toBe(409);
  });

  it('answers 404 to another tenant’s member on every route, and staff read and configure for support', async () => {
    const agent = await activeAgent(t, owner, tenantId);
    const as = bearer(outsider);
    const probes = [
      t.http().get(base('voices')).set(as),
      t
        .http()
        .get(base(`voices/${agent.voiceId}`))
        .set(as),
      t
        .http()
        .patch(base(`voices/${agent.voiceId}`))
        .set(as)
        .send({ name: 'Mine' }),
      t
        .http()
        .delete(base(`voices/${agent.voiceId}`))
        .set(as),
      t.http().post(base('voices')).set(as).send({ provider: 'vapi', providerVoiceId: 'x', name: 'x' }),
      t.http().get(base('phone-numbers')).set(as),
      t.http().post(base('phone-numbers')).set(as).send({ number: uniqueNumber(), provider: 'vapi' }),
      t
        .http()
        .get(base(`phone-numbers/${agent.numberId}`))
        .set(as),
      t
        .http()
        .get(base(`phone-numbers/resolve/${encodeURIComponent(agent.number)}`))
        .set(as),
      t
        .http()
        .patch(base(`phone-numbers/${agent.numberId}`))
        .set(as)
        .send({ label: 'Mine' }),
      t
        .http()
        .delete(base(`phone-numbers/${agent.numberId}`))
        .set(as),
      t.http().get(base('voice-agents')).set(as),
      t.http().post(base('voice-agents')).set(as).send({ name: 'Mine' }),
      t
        .http()
        .get(base(`voice-agents/${agent.agentId}`))
        .set(as),
      t
        .http()
        .patch(base(`voice-agents/${agent.agentId}`))
        .set(as)
        .send({ name: 'Mine' }),
      t
        .http()
        .delete(base(`voice-agents/${agent.agentId}`))
        .set(as),
      ...(['activate', 'pause', 'resume', 'archive'] as const).map((move) => moveAgent(t, outsider, tenantId, agent.agentId, move)),
    ];
    for (const [index, response] of (await Promise.all(probes)).entries()) expect(response.status, `probe ${index}`).toBe(404);
    // The outsider's own tenant does not see the owner's ids either.
    const crossed = await t
      .http()
      .get(base(`voice-agents/${agent.agentId}`, otherTenantId))
      .set(as);
    expect(crossed.status).toBe(404);
    const unknown = await t
      .http()
      .get(base(`voice-agents/${new Types.ObjectId().toHexString()}`))
      .set(bearer(owner));
    expect(unknown.status).toBe(404);
    const support = await t
      .http()
      .get(base(`voice-agents/${agent.agentId}`))
      .set(bearer(staff));
    expect(support.status).toBe(200);
  });

  it('hands the calls context an active agent with its voice and number, and resolves inbound numbers across tenants', async () => {
    const directory = t.app.get(AgentDirectory);
    const resolver = t.app.get(PhoneResolver);
    const agent = await activeAgent(t, owner, tenantId);
    const ready = await directory.forCall(tenantId, agent.agentId);
    expect(ready).toMatchObject({
      id: agent.agentId,
      tenantId,
      status: 'active',
      voice: { id: agent.voiceId, provider: '11labs' },
      number: { id: agent.numberId, e164: agent.number },
      prompts: { outboundPrompt: expect.any(String) },
    });
    await expect(directory.forCall(otherTenantId, agent.agentId)).rejects.toMatchObject({ status: 422 });
    const spelled = `+1 ${agent.number.slice(2, 5)} ${agent.number.slice(5, 8)} ${agent.number.slice(8)}`;
    expect(await resolver.resolve(spelled)).toEqual({
      tenantId,
      phoneNumberId: agent.numberId,
      e164: agent.number,
      agentId: agent.agentId,
    });
    expect(await resolver.resolve(uniqueNumber())).toBeNull();
    expect((await moveAgent(t, owner, tenantId, agent.agentId, 'pause')).status).toBe(200);
    await expect(directory.forCall(tenantId, agent.agentId)).rejects.toMatchObject({ status: 409 });
    const released = await t
      .http()
      .patch(base(`phone-numbers/${agent.numberId}`))
      .set(bearer(owner))
      .send({ status: 'released' });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(await resolver.resolve(agent.number)).toBeNull();
  });
});
