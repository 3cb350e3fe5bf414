import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { Types, type Model } from 'mongoose';
import { expect } from 'vitest';
import type { TestApp } from '../app.js';
import { bearer, userWithRole, type TestUser } from '../auth.js';
import { override } from './entitlements.js';
import { createTenant } from './tenancy.js';
import { EmbeddedVoiceProvider } from '../../../src/modules/voice-calls/providers/embedded-voice-provider.js';
import { VOICE_PROVIDER } from '../../../src/modules/voice-calls/providers/voice-provider.port.js';
import { AiUsage } from '../../../src/modules/voice-calls/schemas/ai-usage.schema.js';
import { CallSlot } from '../../../src/modules/voice-calls/schemas/call-slot.schema.js';
import { VapiMessage } from '../../../src/modules/voice-calls/schemas/vapi-message.schema.js';
import { VoiceCall } from '../../../src/modules/voice-calls/schemas/voice-call.schema.js';
import type { CallStatus } from '../../../src/modules/voice-calls/index.js';

export const voiceCallModel = (app: INestApplicationContext) => app.get<Model<VoiceCall>>(getModelToken(VoiceCall.name));
export const aiUsageModel = (app: INestApplicationContext) => app.get<Model<AiUsage>>(getModelToken(AiUsage.name));
export const callSlotModel = (app: INestApplicationContext) => app.get<Model<CallSlot>>(getModelToken(CallSlot.name));
export const vapiMessageModel = (app: INestApplicationContext) => app.get<Model<VapiMessage>>(getModelToken(VapiMessage.name));

/** The embedded simulator the app runs with (no VAPI_API_KEY in tests). */
export const simulator = (app: INestApplicationContext) => app.get<EmbeddedVoiceProvider>(VOICE_PROVIDER);

export const VAPI_TEST_SECRET = process.env.VAPI_WEBHOOK_SECRET ?? 'vapi_atrium_dev_only_change_me';

/** Posts a raw body to the Vapi webhook as Vapi would (with the configured secret unless told otherwise). */
export function postVapi(t: TestApp, body: string, secret: string | null = VAPI_TEST_SECRET) {
  const request = t.http().post('/api/voice/webhooks/vapi').set('content-type', 'application/json');
  if (secret !== null) request.set('x-vapi-secret', secret);
  return request.send(body);
}

let staff: TestUser | undefined;

/** Staff overrides of a tenant's voice features: outbound calls on, minutes and concurrency as given. */
export async function enableVoice(t: TestApp, tenantId: string, limits: { minutes?: number; concurrent?: number } = {}): Promise<void> {
  staff ??= await userWithRole(t, 'staff');
  await override(t.app, staff, tenantId, 'voice.outbound', { value: true });
  await override(t.app, staff, tenantId, 'voice.minutes', { value: limits.minutes ?? 1000 });
  await override(t.app, staff, tenantId, 'voice.concurrent-calls', { value: limits.concurrent ?? 5 });
}

/** A tenant of `owner` able to place calls. */
export async function voiceTenant(t: TestApp, owner: TestUser, limits: { minutes?: number; concurrent?: number } = {}): Promise<string> {
  const tenant = await createTenant(t, owner);
  await enableVoice(t, tenant.id, limits);
  return tenant.id;
}

/** A call document as the placer would have written it (for reads and the sweeper). */
export async function insertCall(
  app: INestApplicationContext,
  input: { tenantId: string; agentId?: string; leadId?: string; status?: CallStatus; createdAt?: Date; batchId?: string },
): Promise<string> {
  const id = new Types.ObjectId();
  await voiceCallModel(app).create({
    _id: id,
    tenantId: new Types.ObjectId(input.tenantId),
    agentId: new Types.ObjectId(input.agentId ?? new Types.ObjectId().toString()),
    ...(input.leadId ? { leadId: new Types.ObjectId(input.leadId) } : {}),
    ...(input.batchId ? { batchId: new Types.ObjectId(input.batchId) } : {}),
    direction: 'outbound',
    status: input.status ?? 'queued',
    toNumber: '+4930123456',
    fromNumber: '+4930999999',
    audit: [],
  });
  if (input.createdAt) await voiceCallModel(app).collection.updateOne({ _id: id }, { $set: { createdAt: input.createdAt } });
  return id.toString();
}

/** Polls a call (through the API) until `done` says so, or gives its last state. */
export async function waitForCall(
  t: TestApp,
  caller: TestUser,
  tenantId: string,
  callId: string,
  done: (call: { status: string }) => boolean,
) {
  let last: { status: string } & Record<string, unknown> = { status: 'unknown' };
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await t.http().get(`/api/tenants/${tenantId}/voice-calls/${callId}`).set(bearer(caller));
    last = response.body;
    if (response.status === 200 && done(last)) return last;
    await sleep(100);
  }
  return last;
}

export const isFinal = (call: { status: string }) => ['completed', 'failed', 'no_answer', 'busy', 'canceled'].includes(call.status);

let phoneSeq = 0;
/** Where this process's numbers start: a random block, counted up from, so no two numbers of one file ever collide. */
const phoneBase = 200_000 + Math.floor(Math.random() * 500_000);
/**
 * A number no other test uses. The simulator decides a call's outcome by the last digit (7 no answer, 8 busy,
 * 9 failed, else completed after 45 s + 20 s per digit): 3 completes after 105 s, two billed minutes.
 */
export const uniquePhone = (lastDigit = 3) => `+4930${phoneBase + (phoneSeq++ % 100_000)}${lastDigit}`;

/** A voice, a number (with Vapi's id for it when given) and an active agent of the tenant, made through the voice-agents routes. */
export async function readyAgent(
  t: TestApp,
  owner: TestUser,
  tenantId: string,
  vapiNumber: { providerNumberId?: string } = {},
): Promise<string> {
  const base = `/api/tenants/${tenantId}`;
  const voice = await t
    .http()
    .post(`${base}/voices`)
    .set(bearer(owner))
    .send({ provider: '11labs', providerVoiceId: `v-${phoneSeq++}`, name: 'Ada voice', language: 'en' });
  expect(voice.status, JSON.stringify(voice.body)).toBe(201);
  const number = await t
    .http()
    .post(`${base}/phone-numbers`)
    .set(bearer(owner))
    .send({ number: uniquePhone(), provider: 'vapi', ...vapiNumber });
  expect(number.status, JSON.stringify(number.body)).toBe(201);
  const agent = await t
    .http()
    .post(`${base}/voice-agents`)
    .set(bearer(owner))
    .send({ name: 'Renewals caller', voiceId: voice.body.id, defaultNumberId: number.body.id });
  expect(agent.status, JSON.stringify(agent.body)).toBe(201);
  const active = await t.http().post(`${base}/voice-agents/${agent.body.id}/activate`).set(bearer(owner)).send({});
  expect(active.status, JSON.stringify(active.body)).toBe(200);
  return agent.body.id as string;
}

export async function voiceLead(t: TestApp, owner: TestUser, tenantId: string, name = 'Grace'): Promise<string> {
  const response = await t.http().post(`/api/tenants/${tenantId}/leads`).set(bearer(owner)).send({ name, phone: uniquePhone() });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}
