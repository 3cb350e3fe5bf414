import { expect } from 'vitest';
import type { TestApp } from '../app.js';
import { bearer } from '../auth.js';

type Caller = { accessToken: string };

let sequence = 0;

/**
 * A valid US number no other phone number of a test run has: area code 628 (San Francisco), the exchange and
 * line derived from the clock and a counter so concurrent files rarely meet (numbers are unique across tenants).
 */
export function uniqueNumber(): string {
  const n = (Date.now() % 1_000_000) * 100 + (++sequence % 100);
  const exchange = 200 + (Math.floor(n / 10_000) % 800);
  const line = String(n % 10_000).padStart(4, '0');
  return `+1628${exchange}${line}`;
}

/** A tenant voice created through the API; answers its body. */
export async function createTenantVoice(
  t: TestApp,
  caller: Caller,
  tenantId: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; name: string; provider: string; providerVoiceId: string } & Record<string, unknown>> {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/voices`)
    .set(bearer(caller))
    .send({
      provider: '11labs',
      providerVoiceId: `voice-${Date.now()}-${++sequence}`,
      name: `Voice ${sequence}`,
      language: 'en-US',
      ...input,
    });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** A phone number registered through the API; answers its body. */
export async function createPhoneNumber(
  t: TestApp,
  caller: Caller,
  tenantId: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; e164: string; status: string } & Record<string, unknown>> {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/phone-numbers`)
    .set(bearer(caller))
    .send({ number: uniqueNumber(), provider: 'vapi', ...input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** A draft agent created through the API (with whatever voice and number `input` gives); answers its body. */
export async function createAgent(
  t: TestApp,
  caller: Caller,
  tenantId: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; status: string; voiceId?: string; defaultNumberId?: string } & Record<string, unknown>> {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/voice-agents`)
    .set(bearer(caller))
    .send({ name: `Agent ${++sequence}`, outboundPrompt: 'Ask whether they want a demo.', ...input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Moves an agent through one transition route (`activate`, `pause`, `resume`, `archive`); answers the response. */
export const moveAgent = (
  t: TestApp,
  caller: Caller,
  tenantId: string,
  agentId: string,
  move: 'activate' | 'pause' | 'resume' | 'archive',
) => t.http().post(`/api/tenants/${tenantId}/voice-agents/${agentId}/${move}`).set(bearer(caller));

/**
 * An active agent of the tenant, built through the routes as its owner would: a tenant voice, a number that
 * defaults to the agent, the agent, then activation.
 */
export async function activeAgent(
  t: TestApp,
  owner: Caller,
  tenantId: string,
): Promise<{ agentId: string; voiceId: string; numberId: string; number: string }> {
  const voice = await createTenantVoice(t, owner, tenantId);
  const number = await createPhoneNumber(t, owner, tenantId);
  const agent = await createAgent(t, owner, tenantId, { voiceId: voice.id, defaultNumberId: number.id });
  const active = await moveAgent(t, owner, tenantId, agent.id, 'activate');
  expect(active.status, JSON.stringify(active.body)).toBe(200);
  const linked = await t
    .http()
    .patch(`/api/tenants/${tenantId}/phone-numbers/${number.id}`)
    .set(bearer(owner))
    .send({ defaultAgentId: agent.id });
  expect(linked.status, JSON.stringify(linked.body)).toBe(200);
  return { agentId: agent.id, voiceId: voice.id, numberId: number.id, number: number.e164 };
}
