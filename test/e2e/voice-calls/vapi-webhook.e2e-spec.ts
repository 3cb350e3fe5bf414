import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import {
  aiUsageModel,
  insertCall,
  isFinal,
  postVapi,
  simulator,
  vapiMessageModel,
  voiceCallModel,
  voiceTenant,
  waitForCall,
} from '../../support/factories/voice-calls.js';

/** Plays a simulated call for a call document, as the placer does after inserting it. */
async function simulate(t: TestApp, tenantId: string, callId: string, number: string): Promise<string> {
  const { providerCallId } = await simulator(t.app).placeCall({
    callId,
    tenantId,
    customer: { number, name: 'Ada' },
    phoneNumber: { e164: '+4930999999' },
    assistant: { name: 'Agent', systemPrompt: 'Be brief.', voice: { provider: '11labs', voiceId: 'v1' } },
  });
  await voiceCallModel(t.app).updateOne(
    { _id: new Types.ObjectId(callId), tenantId: new Types.ObjectId(tenantId) },
    { $set: { vapiCallId: providerCallId } },
  );
  return providerCallId;
}

const messagesOf = (t: TestApp, providerCallId: string) =>
  simulator(t.app).delivered.filter(
    (message) => (JSON.parse(message.body) as { message: { call: { id: string } } }).message.call.id === providerCallId,
  );

describe('Vapi server messages drive a call to its end', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t);
    tenantId = await voiceTenant(t, owner);
  });
  afterAll(() => t?.close());

  it('a completed call gets its transcript, cost, duration, summary and AI usage, and owes call.completed once', async () => {
    const callId = await insertCall(t.app, { tenantId });
    await simulate(t, tenantId, callId, '+4930123453');
    const call = await waitForCall(t, owner, tenantId, callId, (c) => isFinal(c) && (c as { aiUsage?: unknown }).aiUsage != null);
    expect(call).toMatchObject({ status: 'completed', durationSeconds: 105, endedReason: 'customer-ended-call', costCurrency: 'USD' });
    const detail = call as unknown as {
      transcription: { speaker: string; text: string }[];
      costMinor: number;
      costBreakdown: Record<string, number>;
      summary: string;
      recordingUrl: string;
      aiUsage: { minutes: number; seconds: number; costMinor: number };
    };
    expect(detail.transcription).toHaveLength(5);
    expect(detail.transcription[0]).toMatchObject({ speaker: 'agent' });
    expect(detail.transcription[1]).toMatchObject({ speaker: 'customer' });
    expect(detail.costMinor).toBeGreaterThan(0);
    expect(Object.values(detail.costBreakdown).reduce((a, b) => a + b, 0)).toBe(detail.costMinor);
    expect(detail.summary).toBeTruthy();
    expect(detail.recordingUrl).toMatch(/^https:/);
    expect(detail.aiUsage).toMatchObject({ seconds: 105, minutes: 2, costMinor: detail.costMinor });

    const stored = await voiceCallModel(t.app)
      .findOne({ _id: new Types.ObjectId(callId), tenantId: new Types.ObjectId(tenantId) })
      .lean();
    const keys = (stored?.effects ?? []).map((effect) => effect.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const effect of stored?.effects ?? []) expect(effect.name).toMatch(/^call\.completed>/);
    expect(stored?.audit.filter((entry) => entry.to === 'completed')).toHaveLength(1);

    const usage = await t.http().get(`/api/tenants/${tenantId}/usage/voice`).set(bearer(owner));
    expect(usage.status).toBe(200);
    const month = usage.body.months.find((m: { month: string }) => m.month === usage.body.currentMonth);
    expect(month).toMatchObject({ calls: 1, minutes: 2, costMinor: detail.costMinor });
    expect(usage.body).toMatchObject({ limit: 1000, used: 2, remaining: 998 });
  });

  it('duplicated and reordered messages change nothing', async () => {
    const callId = await insertCall(t.app, { tenantId });
    const providerCallId = await simulate(t, tenantId, callId, '+4930123451');
    await waitForCall(t, owner, tenantId, callId, (c) => (c as { aiUsage?: unknown }).aiUsage != null);
    await simulator(t.app).idle();
    const before = await t.http().get(`/api/tenants/${tenantId}/voice-calls/${callId}`).set(bearer(owner));
    const captured = messagesOf(t, providerCallId).map((message) => message.body);
    expect(captured.length).toBeGreaterThanOrEqual(5);
    // The same bodies again, newest first, twice: acknowledged as duplicates.
    for (let round = 0; round < 2; round++)
      for (const body of [...captured].reverse()) {
        const response = await postVapi(t, body);
        expect(response.status).toBe(200);
        expect(response.body.duplicate).toBe(true);
      }
    // The same messages re-sent (a new timestamp, so new bodies), in reverse order: the lifecycle ignores them.
    for (const body of [...captured].reverse()) {
      const parsed = JSON.parse(body) as { message: Record<string, unknown> };
      parsed.message.timestamp = Date.now() + 1;
      const response = await postVapi(t, JSON.stringify(parsed));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ duplicate: false, outcome: 'ignored' });
    }
    const after = await t.http().get(`/api/tenants/${tenantId}/voice-calls/${callId}`).set(bearer(owner));
    expect({ ...after.body, updatedAt: undefined }).toEqual({ ...before.body, updatedAt: undefined });
    expect(await aiUsageModel(t.app).countDocuments({ tenantId: new Types.ObjectId(tenantId), callId: new Types.ObjectId(callId) })).toBe(
      1,
    );
    const stored = await voiceCallModel(t.app)
      .findOne({ _id: new Types.ObjectId(callId), tenantId: new Types.ObjectId(tenantId) })
      .lean();
    expect(stored?.audit.filter((entry) => ['completed', 'failed', 'no_answer', 'busy', 'canceled'].includes(entry.to))).toHaveLength(1);
  });

  it('an end-of-call report after the call was already ended (the sweeper timed it out) fills in what it lacks, once', async () => {
    const played = await insertCall(t.app, { tenantId });
    const providerCallId = await simulate(t, tenantId, played, '+4930123450');
    const original = await waitForCall(t, owner, tenantId, played, (c) => (c as { aiUsage?: unknown }).aiUsage != null);
    await simulator(t.app).idle();
    const report = messagesOf(t, providerCallId)
      .map((message) => JSON.parse(message.body) as { message: { type: string; call: Record<string, unknown> } & Record<string, unknown> })
      .find((parsed) => parsed.message.type === 'end-of-call-report')!;

    const late = await insertCall(t.app, { tenantId, status: 'failed' });
    await voiceCallModel(t.app).updateOne(
      { _id: new Types.ObjectId(late), tenantId: new Types.ObjectId(tenantId) },
      { $set: { vapiCallId: 'late-report-call', endedReason: 'timed-out' } },
    );
    report.message.call = { ...report.message.call, id: 'late-report-call', assistant: { metadata: { callId: late } } };
    report.message.timestamp = Date.now();
    const response = await postVapi(t, JSON.stringify(report));
    expect(response.status, JSON.stringify(response.body)).toBe(200);

    const stored = await voiceCallModel(t.app)
      .findOne({ _id: new Types.ObjectId(late), tenantId: new Types.ObjectId(tenantId) })
      .lean();
    expect(stored).toMatchObject({ status: 'failed', endedReason: 'timed-out', reported: true, durationSeconds: original.durationSeconds });
    expect(stored?.durationSeconds).toBeGreaterThan(0);
    expect(stored?.transcription.length).toBeGreaterThan(0);
    const usage = { tenantId: new Types.ObjectId(tenantId), callId: new Types.ObjectId(late) };
    expect(await aiUsageModel(t.app).countDocuments(usage)).toBe(1);
    report.message.timestamp = Date.now() + 1;
    expect((await postVapi(t, JSON.stringify(report))).status).toBe(200);
    expect(await aiUsageModel(t.app).countDocuments(usage)).toBe(1);
  });

  it.each([
    ['+4930123457', 'no_answer', 'customer-did-not-answer'],
    ['+4930123458', 'busy', 'customer-busy'],
    ['+4930123459', 'failed', 'twilio-failed-to-connect-call'],
  ])('a call to %s ends %s', async (number, status, endedReason) => {
    const callId = await insertCall(t.app, { tenantId });
    await simulate(t, tenantId, callId, number);
    const call = await waitForCall(t, owner, tenantId, callId, isFinal);
    expect(call).toMatchObject({ status, endedReason, durationSeconds: 0, costMinor: 0 });
  });

  it('a message without the secret, or with a wrong one, is 401 and nothing is stored', async () => {
    const callId = await insertCall(t.app, { tenantId });
    const body = JSON.stringify({
      message: { type: 'status-update', status: 'ringing', call: { id: 'forged', assistant: { metadata: { callId } } } },
    });
    const count = await vapiMessageModel(t.app).countDocuments({});
    for (const secret of [null, 'wrong-secret', 'vapi_atrium_dev_only_change_mE']) {
      const response = await postVapi(t, body, secret);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await vapiMessageModel(t.app).countDocuments({})).toBe(count);
    const call = await voiceCallModel(t.app)
      .findOne({ _id: new Types.ObjectId(callId), tenantId: new Types.ObjectId(tenantId) })
      .lean();
    expect(call?.status).toBe('queued');
  });

  it('a message for a call we do not know is acknowledged and stored as ignored; a body that is no message is 400', async () => {
    const body = JSON.stringify({ message: { type: 'status-update', status: 'ringing', call: { id: 'nobody-knows-this-call' } } });
    const response = await postVapi(t, body);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ received: true, duplicate: false, outcome: 'ignored' });
    expect(await vapiMessageModel(t.app).findOne({ vapiCallId: 'nobody-knows-this-call' }).lean()).toMatchObject({ outcome: 'ignored' });
    expect((await postVapi(t, JSON.stringify({ nothing: true }))).status).toBe(400);
    expect((await postVapi(t, 'not json')).status).toBe(400);
  });

  it('another tenant’s member cannot read the call', async () => {
    const callId = await insertCall(t.app, { tenantId });
    const stranger = await registerUser(t);
    expect((await t.http().get(`/api/tenants/${tenantId}/voice-calls/${callId}`).set(bearer(stranger))).status).toBe(404);
    const list = await t.http().get(`/api/tenants/${tenantId}/voice-calls?status=queued`).set(bearer(owner));
    expect(list.status).toBe(200);
    expect(list.body.items.every((c: { status: string; tenantId: string }) => c.status === 'queued' && c.tenantId === tenantId)).toBe(true);
  });
});
