import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { FakeVapi, type FakeVapiRequest } from '../../support/fake-vapi.js';
import {
  isFinal,
  readyAgent,
  VAPI_TEST_SECRET as SECRET_IN_USE,
  vapiMessageModel,
  voiceCallModel,
  voiceLead,
  voiceTenant,
  waitForCall,
} from '../../support/factories/voice-calls.js';

const SERVER_URL = 'https://atrium.example.com/api/voice/webhooks/vapi';
const VAPI_ENV = ['VAPI_API_KEY', 'VAPI_BASE_URL', 'VAPI_SERVER_URL'] as const;

interface SentAssistant {
  server: { url: string; headers: Record<string, string> };
  metadata: { callId: string };
}

/**
 * The whole app with the real Vapi adapter (VAPI_API_KEY set) against a local Vapi: the call is created through
 * POST /call, then its server messages are delivered as Vapi delivers them, to the server URL and with the headers
 * the call was created with, carrying the call's assistant as Vapi echoes it.
 */
describe('voice calls through the Vapi adapter', () => {
  const vapi = new FakeVapi();
  const saved = Object.fromEntries(VAPI_ENV.map((name) => [name, process.env[name]]));
  let t: TestApp;
  let owner: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    Object.assign(process.env, { VAPI_API_KEY: 'vapi-private-key', VAPI_BASE_URL: await vapi.start(), VAPI_SERVER_URL: SERVER_URL });
    t = await startTestApp();
    owner = await registerUser(t);
    tenantId = await voiceTenant(t, owner);
  });
  afterAll(async () => {
    await t?.close();
    await vapi.stop();
    for (const name of VAPI_ENV)
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
  });

  /** Posts one server message the way Vapi would for the call created by `created`. */
  function deliver(created: FakeVapiRequest, vapiCallId: string, message: Record<string, unknown>) {
    const assistant = created.body.assistant as SentAssistant;
    const call = { id: vapiCallId, orgId: 'org-test', type: 'outboundPhoneCall', phoneNumberId: created.body.phoneNumberId, assistant };
    return t
      .http()
      .post(new URL(assistant.server.url).pathname)
      .set(assistant.server.headers)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ message: { timestamp: Date.now(), ...message, call } }));
  }

  it('creates the call at Vapi and follows it to completed from the messages Vapi sends back', async () => {
    const agentId = await readyAgent(t, owner, tenantId, { providerNumberId: 'pn-imported-1' });
    const leadId = await voiceLead(t, owner, tenantId);
    const placed = await t.http().post(`/api/tenants/${tenantId}/voice-calls`).set(bearer(owner)).send({ agentId, leadId });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const callId = placed.body.callId as string;

    expect(vapi.requests).toHaveLength(1);
    const [created] = vapi.requests;
    expect(created).toMatchObject({ method: 'POST', path: '/call', body: { phoneNumberId: 'pn-imported-1' } });
    expect(created.headers.authorization).toBe('Bearer vapi-private-key');
    expect((created.body.assistant as SentAssistant).metadata.callId).toBe(callId);
    const vapiCallId = 'vapi-call-1';
    const stored = await voiceCallModel(t.app)
      .findOne({ _id: new Types.ObjectId(callId), tenantId: new Types.ObjectId(tenantId) })
      .lean();
    expect(stored?.vapiCallId).toBe(vapiCallId);
    // Messages may beat the write of Vapi's id: without it they still find the call, by the assistant's metadata.
    await voiceCallModel(t.app).updateOne(
      { _id: new Types.ObjectId(callId), tenantId: new Types.ObjectId(tenantId) },
      { $unset: { vapiCallId: 1 } },
    );

    const startedAt = new Date();
    for (const message of [
      { type: 'status-update', status: 'ringing' },
      { type: 'status-update', status: 'in-progress' },
      { type: 'transcript', role: 'assistant', transcriptType: 'final', transcript: 'Hello, this is Northwind.' },
      { type: 'transcript', role: 'user', transcriptType: 'final', transcript: 'Hi, go ahead.' },
      { type: 'status-update', status: 'ended', endedReason: 'customer-ended-call' },
      {
        type: 'end-of-call-report',
        endedReason: 'customer-ended-call',
        startedAt: startedAt.toISOString(),
        endedAt: new Date(startedAt.getTime() + 75_000).toISOString(),
        durationSeconds: 75,
        cost: 0.21,
        costBreakdown: { transport: 0.01, stt: 0.03, llm: 0.05, tts: 0.07, vapi: 0.05, total: 0.21 },
        summary: 'The customer agreed to a follow-up.',
        artifact: {
          messages: [
            { role: 'bot', message: 'Hello, this is Northwind.', secondsFromStart: 0.5 },
            { role: 'user', message: 'Hi, go ahead.', secondsFromStart: 3 },
          ],
        },
      },
    ]) {
      const response = await deliver(created, vapiCallId, message);
      expect(response.status, `${message.type}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    }

    const call = (await waitForCall(t, owner, tenantId, callId, isFinal)) as Record<string, unknown>;
    expect(call).toMatchObject({
      status: 'completed',
      endedReason: 'customer-ended-call',
      durationSeconds: 75,
      summary: 'The customer agreed to a follow-up.',
    });
    expect(call.transcription).toEqual([
      expect.objectContaining({ speaker: 'agent', text: 'Hello, this is Northwind.' }),
      expect.objectContaining({ speaker: 'customer', text: 'Hi, go ahead.' }),
    ]);
    expect(call.costMinor).toBe(21);

    // Vapi echoes the assistant, and with it the secret header of its server: the message log keeps neither.
    const logged = await vapiMessageModel(t.app).find({ vapiCallId }).lean();
    expect(logged.length).toBeGreaterThan(0);
    for (const row of logged) expect(JSON.stringify(row.body)).not.toContain(SECRET_IN_USE);
  });

  it('fails the call with 502 naming the reason when the number was never imported into Vapi, and calls nobody', async () => {
    const before = vapi.requests.length;
    const agentId = await readyAgent(t, owner, tenantId);
    const leadId = await voiceLead(t, owner, tenantId);
    const placed = await t.http().post(`/api/tenants/${tenantId}/voice-calls`).set(bearer(owner)).send({ agentId, leadId });
    expect(placed.status, JSON.stringify(placed.body)).toBe(502);
    expect(placed.body).toMatchObject({
      type: 'urn:atrium:problem:voice-provider-failed',
      detail: expect.stringContaining('no Vapi phone number id'),
    });
    expect(vapi.requests).toHaveLength(before);
    const stored = await voiceCallModel(t.app)
      .findOne({ tenantId: new Types.ObjectId(tenantId), leadId: new Types.ObjectId(leadId) })
      .lean();
    expect(stored).toMatchObject({ status: 'failed', endedReason: 'provider-error' });
  });
});
