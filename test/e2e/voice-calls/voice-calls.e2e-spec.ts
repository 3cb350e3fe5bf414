import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import {
  callSlotModel,
  insertCall,
  isFinal,
  readyAgent,
  voiceCallModel,
  voiceLead as lead,
  voiceTenant,
  waitForCall,
} from '../../support/factories/voice-calls.js';

const place = (t: TestApp, user: TestUser, tenantId: string, body: { agentId: string; leadId: string }) =>
  t.http().post(`/api/tenants/${tenantId}/voice-calls`).set(bearer(user)).send(body);

describe('placing and reading voice calls through the API', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenantId: string;
  let agentId: string;
  let leadId: string;
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t);
    tenantId = await voiceTenant(t, owner, { minutes: 1000, concurrent: 5 });
    agentId = await readyAgent(t, owner, tenantId);
    leadId = await lead(t, owner, tenantId);
  });
  afterAll(() => t?.close());

  it('places a call that the simulator drives to completed, with transcript, cost and duration, and marks the lead contacted', async () => {
    const placed = await place(t, owner, tenantId, { agentId, leadId });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ status: 'queued' });
    callId = placed.body.callId;

    const call = (await waitForCall(t, owner, tenantId, callId, (c) => isFinal(c) && (c as { aiUsage?: unknown }).aiUsage != null)) as {
      status: string;
      transcription?: unknown[];
      costMinor?: number;
      costBreakdown?: Record<string, number>;
      durationSeconds?: number;
      agentId?: string;
      leadId?: string;
    };
    expect(call.status).toBe('completed');
    expect(call).toMatchObject({ agentId, leadId, direction: 'outbound' });
    expect(call.transcription?.length).toBeGreaterThan(0);
    expect(call.costMinor).toBeGreaterThan(0);
    expect(Object.values(call.costBreakdown ?? {}).reduce((a, b) => a + b, 0)).toBe(call.costMinor);
    expect(call.durationSeconds).toBeGreaterThan(0);

    // The lead hears of the end through the relay; poll its read for the contacted mark.
    let contacted: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await t.http().get(`/api/tenants/${tenantId}/leads/${leadId}`).set(bearer(owner));
      contacted = response.body;
      if (contacted.lastCallId === callId) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(contacted).toMatchObject({ status: 'contacted', lastCallId: callId });
  });

  it('lists calls with status, agent, lead and direction filters, and the lead’s call history', async () => {
    const base = `/api/tenants/${tenantId}`;
    const all = await t.http().get(`${base}/voice-calls`).set(bearer(owner));
    expect(all.status).toBe(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toContain(callId);

    for (const query of [{ status: 'completed' }, { agentId }, { leadId }, { direction: 'outbound' }]) {
      const response = await t.http().get(`${base}/voice-calls`).query(query).set(bearer(owner));
      expect(response.status, JSON.stringify(query)).toBe(200);
      expect(response.body.items.map((c: { id: string }) => c.id)).toContain(callId);
    }
    for (const query of [{ status: 'busy' }, { agentId: new Types.ObjectId().toString() }, { direction: 'inbound' }]) {
      const response = await t.http().get(`${base}/voice-calls`).query(query).set(bearer(owner));
      expect(response.status, JSON.stringify(query)).toBe(200);
      expect(response.body.items.map((c: { id: string }) => c.id)).not.toContain(callId);
    }

    const history = await t.http().get(`${base}/leads/${leadId}/calls`).set(bearer(owner));
    expect(history.status).toBe(200);
    expect(history.body.items.map((c: { id: string }) => c.id)).toEqual([callId]);
  });

  it('usage/voice shows this month’s minutes and cost', async () => {
    const usage = await t.http().get(`/api/tenants/${tenantId}/usage/voice`).set(bearer(owner));
    expect(usage.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const text = JSON.stringify(usage.body);
    expect(text).toContain(month);
    const months = (usage.body.months ?? []) as { month: string; minutes: number; costMinor: number }[];
    const current = months.find((m) => m.month === month);
    expect(current?.minutes).toBeGreaterThan(0);
    expect(current?.costMinor).toBeGreaterThan(0);
  });

  it('refuses a do-not-call lead with 409', async () => {
    const refused = await lead(t, owner, tenantId, 'Do not call me');
    await voiceCallModel(t.app)
      .db.collection('leads')
      .updateOne({ _id: new Types.ObjectId(refused) }, { $set: { status: 'do_not_call' } });
    const response = await place(t, owner, tenantId, { agentId, leadId: refused });
    expect(response.status, JSON.stringify(response.body)).toBe(409);
  });

  it('answers 429 call-slots-full when every concurrent slot is held', async () => {
    const busyTenant = await voiceTenant(t, owner, { minutes: 1000, concurrent: 1 });
    const busyAgent = await readyAgent(t, owner, busyTenant);
    const busyLead = await lead(t, owner, busyTenant);
    await callSlotModel(t.app).create({ tenantId: new Types.ObjectId(busyTenant), index: 0, callId: new Types.ObjectId() });
    const response = await place(t, owner, busyTenant, { agentId: busyAgent, leadId: busyLead });
    expect(response.status, JSON.stringify(response.body)).toBe(429);
    expect(response.body.type).toMatch(/call-slots-full/);
    expect(await voiceCallModel(t.app).countDocuments({ tenantId: new Types.ObjectId(busyTenant) })).toBe(0);
  });

  it('answers 402 voice-minutes-exhausted once the month’s minutes are used', async () => {
    // The simulated call lasts 105 s, two billed minutes: a limit of 2 is used up by one call.
    const smallTenant = await voiceTenant(t, owner, { minutes: 2, concurrent: 5 });
    const smallAgent = await readyAgent(t, owner, smallTenant);
    const first = await place(t, owner, smallTenant, { agentId: smallAgent, leadId: await lead(t, owner, smallTenant) });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    await waitForCall(t, owner, smallTenant, first.body.callId, (c) => isFinal(c) && (c as { aiUsage?: unknown }).aiUsage != null);
    const second = await place(t, owner, smallTenant, { agentId: smallAgent, leadId: await lead(t, owner, smallTenant, 'Second') });
    expect(second.status, JSON.stringify(second.body)).toBe(402);
    expect(second.body.type).toMatch(/voice-minutes-exhausted/);
  });

  it('cancels a call not yet answered once; cancelling an ended call is 409', async () => {
    const queued = await insertCall(t.app, { tenantId, agentId, leadId, status: 'queued' });
    const cancel = () => t.http().post(`/api/tenants/${tenantId}/voice-calls/${queued}/cancel`).set(bearer(owner)).send({});
    const first = await cancel();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ id: queued, status: 'canceled' });
    expect((await cancel()).status).toBe(409);
    expect((await t.http().post(`/api/tenants/${tenantId}/voice-calls/${callId}/cancel`).set(bearer(owner)).send({})).status).toBe(409);
  });

  it('hides the tenant’s calls from another tenant’s member (404); its agent and lead are unknown references there (422)', async () => {
    const stranger = await registerUser(t);
    const otherTenant = await voiceTenant(t, stranger);
    expect((await t.http().get(`/api/tenants/${tenantId}/voice-calls/${callId}`).set(bearer(stranger))).status).toBe(404);
    expect((await t.http().get(`/api/tenants/${otherTenant}/voice-calls/${callId}`).set(bearer(stranger))).status).toBe(404);
    const borrowed = await place(t, stranger, otherTenant, { agentId, leadId });
    expect(borrowed.status, JSON.stringify(borrowed.body)).toBe(422);
    expect(borrowed.body).toMatchObject({ field: 'leadId' });
  });
});
