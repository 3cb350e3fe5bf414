import { setTimeout as sleep } from 'node:timers/promises';
import { trusted, Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import {
  batchAgent,
  batchLeads,
  callBatchModel,
  drainOnce,
  itemsOfBatch,
  makeItemsDue,
  startBatch,
} from '../../support/factories/call-batches.js';
import { simulator, voiceCallModel, voiceTenant } from '../../support/factories/voice-calls.js';

const FINAL = ['completed', 'failed', 'no_answer', 'busy', 'canceled'] as const;

/** Batches through the HTTP stack, with the embedded Vapi playing every call back through the webhook. */
describe('call batches with the embedded Vapi', () => {
  let first: TestApp;
  let second: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp();
    owner = await registerUser(first);
  });
  afterAll(async () => {
    await second?.close({ dropDatabase: false });
    await first?.close();
  });

  const callsInFlight = (tenantId: string) =>
    voiceCallModel(first.app).countDocuments({ tenantId: new Types.ObjectId(tenantId), status: trusted({ $nin: [...FINAL] }) });
  const callsOfLead = (tenantId: string, leadId: string) =>
    voiceCallModel(first.app).countDocuments({ tenantId: new Types.ObjectId(tenantId), leadId: new Types.ObjectId(leadId) });
  const read = (tenantId: string, batchId: string) =>
    first.http().get(`/api/tenants/${tenantId}/call-batches/${batchId}`).set(bearer(owner));
  /** Lets the simulated calls play out and their call.completed effects reach the batch. */
  const settle = async (t: TestApp) => {
    await simulator(t.app).idle();
    await t.app.get(EffectsRelay).sweep();
  };

  /** Runs the drain (on both instances when asked) until the batch leaves running, sampling calls in flight. */
  async function drainToTheEnd(tenantId: string, batchId: string, apps: TestApp[] = [first]) {
    let maxInFlight = 0;
    for (let round = 0; round < 80; round++) {
      await Promise.all(apps.map((t) => drainOnce(t.app)));
      maxInFlight = Math.max(maxInFlight, await callsInFlight(tenantId));
      for (let sample = 0; sample < 5; sample++) {
        await sleep(20);
        maxInFlight = Math.max(maxInFlight, await callsInFlight(tenantId));
      }
      await Promise.all(apps.map(settle));
      const status = (await callBatchModel(first.app)
        .findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(batchId) })
        .lean())!.status;
      if (status !== 'running') return { status, maxInFlight };
    }
    return { status: 'running', maxInFlight };
  }

  it('calls 20 leads to a final outcome each, two at a time at most, and the progress adds up', async () => {
    const tenantId = await voiceTenant(first, owner, { concurrent: 2 });
    const agentId = await batchAgent(first, owner, tenantId);
    // Numbers ending in 7 do not answer, in 8 are busy, in 9 fail; the rest answer.
    const leads = await batchLeads(
      first,
      owner,
      tenantId,
      Array.from({ length: 20 }, (_, index) => ({ lastDigit: index % 10 })),
    );
    const batch = await startBatch(first, owner, tenantId, {
      agentId,
      leadIds: leads.map((lead) => lead.id),
      retry: { maxAttempts: 2, delayMinutes: 0 },
    });
    expect(batch.progress).toMatchObject({ total: 20, pending: 20, inProgress: 0 });

    const { status, maxInFlight } = await drainToTheEnd(tenantId, batch.id);
    expect(status).toBe('completed');
    expect(maxInFlight).toBeLessThanOrEqual(2);

    const body = (await read(tenantId, batch.id)).body;
    expect(body.status).toBe('completed');
    const { progress } = body;
    expect(progress.pending + progress.inProgress).toBe(0);
    expect(Object.values(progress.done as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(20);
    // Two answer-less digits (7, 8) per ten leads, tried twice; one failing digit (9), failed once.
    expect(progress.done).toMatchObject({ completed: 14, no_answer: 2, busy: 2, failed: 2 });
    expect(progress.attempts).toBe(24);
    for (const item of await itemsOfBatch(first.app, tenantId, batch.id)) {
      expect(item.state).toBe('done');
      expect(await callsOfLead(tenantId, item.leadId.toString())).toBe(item.attempts);
    }
    const stored = (await callBatchModel(first.app)
      .findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(batch.id) })
      .lean())!;
    expect(stored.audit.filter((entry) => entry.to === 'completed')).toHaveLength(1);

    // Every answered call came back with its transcript, cost and duration; its lead is contacted. The others
    // count as attempts on a lead that stays new.
    const calls = await voiceCallModel(first.app)
      .find({ tenantId: new Types.ObjectId(tenantId), batchId: new Types.ObjectId(batch.id) })
      .lean();
    expect(calls).toHaveLength(24);
    for (const call of calls.filter((candidate) => candidate.status === 'completed')) {
      expect(call.transcription.length, String(call._id)).toBeGreaterThan(0);
      expect(call.costMinor).toBeGreaterThan(0);
      expect(call.costBreakdown).toBeDefined();
      expect(call.durationSeconds).toBeGreaterThan(0);
    }
    const answered = new Set(calls.filter((call) => call.status === 'completed').map((call) => String(call.leadId)));
    expect(answered.size).toBe(14);
    for (const lead of leads) {
      const read = await first.http().get(`/api/tenants/${tenantId}/leads/${lead.id}`).set(bearer(owner));
      expect(read.body.status, lead.id).toBe(answered.has(lead.id) ? 'contacted' : 'new');
      expect(read.body.callCount).toBe(calls.filter((call) => String(call.leadId) === lead.id).length);
      if (answered.has(lead.id)) expect(read.body.lastContactedAt).toEqual(expect.any(String));
    }
  });

  it('keeps a lead at 03:00 in Tokyo waiting until its 09:00 while a lead in its hours is called', async () => {
    const tenantId = await voiceTenant(first, owner, { concurrent: 5 });
    const agentId = await batchAgent(first, owner, tenantId);
    const [tokyo, newYork] = await batchLeads(first, owner, tenantId, [
      { lastDigit: 1, timezone: 'Asia/Tokyo' },
      { lastDigit: 2, timezone: 'America/New_York' },
    ]);
    const batch = await startBatch(first, owner, tenantId, {
      agentId,
      leadIds: [tokyo.id, newYork.id],
      callingHours: { start: '09:00', end: '18:00' },
    });
    // Yesterday 18:00 UTC: 03:00 today in Tokyo, 13:00 or 14:00 in New York.
    const today = new Date();
    const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1, 18));
    await makeItemsDue(first.app, tenantId, batch.id, now);
    await drainOnce(first.app, now);
    await settle(first);
    const byLead = new Map((await itemsOfBatch(first.app, tenantId, batch.id)).map((item) => [item.leadId.toString(), item]));
    expect(byLead.get(newYork.id)).toMatchObject({ state: 'done', outcome: 'completed', attempts: 1 });
    expect(byLead.get(tokyo.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(byLead.get(tokyo.id)!.nextAttemptAt.toISOString()).toBe(
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString(),
    );
    expect(await callsOfLead(tenantId, tokyo.id)).toBe(0);
  });

  it('calls a no-answer lead again once the delay has passed, then stops at maxAttempts', async () => {
    const tenantId = await voiceTenant(first, owner, { concurrent: 5 });
    const agentId = await batchAgent(first, owner, tenantId);
    const [lead] = await batchLeads(first, owner, tenantId, [{ lastDigit: 7 }]);
    const batch = await startBatch(first, owner, tenantId, { agentId, leadIds: [lead.id], retry: { maxAttempts: 2, delayMinutes: 30 } });
    await drainOnce(first.app);
    await settle(first);
    let [item] = await itemsOfBatch(first.app, tenantId, batch.id);
    expect(item).toMatchObject({ state: 'pending', attempts: 1, outcome: 'no_answer' });
    expect(item.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    await drainOnce(first.app);
    expect(await callsOfLead(tenantId, lead.id)).toBe(1);

    await makeItemsDue(first.app, tenantId, batch.id);
    await drainOnce(first.app);
    await settle(first);
    [item] = await itemsOfBatch(first.app, tenantId, batch.id);
    expect(item).toMatchObject({ state: 'done', attempts: 2, outcome: 'no_answer' });
    expect(await callsOfLead(tenantId, lead.id)).toBe(2);
    expect((await read(tenantId, batch.id)).body.status).toBe('completed');
  });

  it('pauses (nothing new is placed), resumes, and cancels what still waits', async () => {
    const tenantId = await voiceTenant(first, owner, { concurrent: 1 });
    const agentId = await batchAgent(first, owner, tenantId);
    const leads = await batchLeads(first, owner, tenantId, [{ lastDigit: 1 }, { lastDigit: 2 }, { lastDigit: 3 }, { lastDigit: 4 }]);
    const batch = await startBatch(first, owner, tenantId, { agentId, leadIds: leads.map((lead) => lead.id) });
    const calls = () => voiceCallModel(first.app).countDocuments({ tenantId: new Types.ObjectId(tenantId) });
    await drainOnce(first.app);
    expect(await calls()).toBe(1);

    const paused = await first.http().post(`/api/tenants/${tenantId}/call-batches/${batch.id}/pause`).set(bearer(owner));
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', pauseReason: 'paused-by-user' });
    await settle(first);
    await drainOnce(first.app);
    expect(await calls()).toBe(1);

    const resumed = await first.http().post(`/api/tenants/${tenantId}/call-batches/${batch.id}/resume`).set(bearer(owner));
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    await drainOnce(first.app);
    expect(await calls()).toBe(2);

    const canceled = await first.http().post(`/api/tenants/${tenantId}/call-batches/${batch.id}/cancel`).set(bearer(owner));
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(canceled.body.progress.done.canceled).toBe(2);
    await settle(first);
    await drainOnce(first.app);
    expect(await calls()).toBe(2);
    const final = (await read(tenantId, batch.id)).body;
    expect(final).toMatchObject({ status: 'canceled', progress: { pending: 0, inProgress: 0, done: { completed: 2, canceled: 2 } } });
    const again = await first.http().post(`/api/tenants/${tenantId}/call-batches/${batch.id}/resume`).set(bearer(owner));
    expect(again.status).toBe(409);
  });

  it('places each call exactly once with two instances draining one batch', async () => {
    const tenantId = await voiceTenant(first, owner, { concurrent: 5 });
    const agentId = await batchAgent(first, owner, tenantId);
    const leads = await batchLeads(
      first,
      owner,
      tenantId,
      Array.from({ length: 12 }, (_, index) => ({ lastDigit: index % 7 })),
    );
    const batch = await startBatch(first, owner, tenantId, {
      agentId,
      leadIds: leads.map((lead) => lead.id),
      retry: { maxAttempts: 1, delayMinutes: 0 },
    });
    const { status, maxInFlight } = await drainToTheEnd(tenantId, batch.id, [first, second]);
    expect(status).toBe('completed');
    expect(maxInFlight).toBeLessThanOrEqual(5);
    for (const lead of leads) expect(await callsOfLead(tenantId, lead.id)).toBe(1);
  });

  it('refuses a batch for a tenant without outbound calls (402), and answers lists and items', async () => {
    const tenantId = await voiceTenant(first, owner, { concurrent: 2 });
    const agentId = await batchAgent(first, owner, tenantId);
    const [lead] = await batchLeads(first, owner, tenantId, [{ lastDigit: 1 }]);
    const batch = await startBatch(first, owner, tenantId, { agentId, leadIds: [lead.id] });

    const list = await first.http().get(`/api/tenants/${tenantId}/call-batches?status=running`).set(bearer(owner));
    expect(list.status).toBe(200);
    expect(list.body.items.map((one: { id: string }) => one.id)).toContain(batch.id);
    const items = await first.http().get(`/api/tenants/${tenantId}/call-batches/${batch.id}/items?state=pending`).set(bearer(owner));
    expect(items.status).toBe(200);
    expect(items.body).toMatchObject({ total: 1, items: [{ leadId: lead.id, state: 'pending', attempts: 0 }] });

    const unknownOnly = await first
      .http()
      .post(`/api/tenants/${tenantId}/call-batches`)
      .set(bearer(owner))
      .send({ name: 'Nobody', agentId, leadIds: [new Types.ObjectId().toString()], callingHours: { start: '09:00', end: '18:00' } });
    expect(unknownOnly.status).toBe(422);

    const plain = await first
      .http()
      .post('/api/tenants')
      .set(bearer(owner))
      .send({ name: `No voice ${Date.now().toString(36)}` });
    const refused = await first
      .http()
      .post(`/api/tenants/${plain.body.id}/call-batches`)
      .set(bearer(owner))
      .send({ name: 'Refused', agentId, leadIds: [lead.id], callingHours: { start: '09:00', end: '18:00' } });
    expect(refused.status).toBe(402);
  });
});
