import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signVapiBody } from '../../../src/modules/voice-calls/vapi-signature.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { isFinal, postVapi, readyAgent, voiceLead, voiceTenant, waitForCall } from '../../support/factories/voice-calls.js';

const HMAC = 'an-hmac-secret-for-this-test-only-9f3k';

/** With VAPI_WEBHOOK_HMAC set, a server message needs its signature as well as the shared secret. */
describe('Vapi server messages signed with VAPI_WEBHOOK_HMAC', () => {
  const saved = process.env.VAPI_WEBHOOK_HMAC;
  let t: TestApp;

  beforeAll(async () => {
    process.env.VAPI_WEBHOOK_HMAC = HMAC;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (saved === undefined) delete process.env.VAPI_WEBHOOK_HMAC;
    else process.env.VAPI_WEBHOOK_HMAC = saved;
  });

  const body = JSON.stringify({ message: { type: 'status-update', status: 'ringing', call: { id: 'signed-or-not' } } });

  it('refuses a message with the secret but no signature, or a signature made with another key', async () => {
    expect((await postVapi(t, body)).status).toBe(401);
    expect((await postVapi(t, body).set(signVapiBody('another-key-of-enough-length', body))).status).toBe(401);
  });

  it('takes a message signed with the key', async () => {
    const response = await postVapi(t, body).set(signVapiBody(HMAC, body));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  });

  it('the embedded simulator signs what it sends, so a placed call still ends', async () => {
    const owner = await registerUser(t);
    const tenantId = await voiceTenant(t, owner);
    const agentId = await readyAgent(t, owner, tenantId);
    const leadId = await voiceLead(t, owner, tenantId);
    const placed = await t.http().post(`/api/tenants/${tenantId}/voice-calls`).set(bearer(owner)).send({ agentId, leadId });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(await waitForCall(t, owner, tenantId, placed.body.callId as string, isFinal)).toMatchObject({ status: 'completed' });
  });
});
