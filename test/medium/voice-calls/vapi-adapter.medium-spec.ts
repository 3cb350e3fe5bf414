import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VapiVoiceProvider } from '../../../src/modules/voice-calls/providers/vapi-voice-provider.js';
import type { OutboundCallRequest } from '../../../src/modules/voice-calls/providers/voice-provider.port.js';
import { FakeVapi } from '../../support/fake-vapi.js';

const SERVER_URL = 'https://atrium.example.com/api/voice/webhooks/vapi';
const SECRET = 'vapi-secret-for-this-test';

const request = (overrides: Partial<OutboundCallRequest> = {}): OutboundCallRequest => ({
  callId: '65f0c0ffee0000000000abcd',
  tenantId: '65f0c0ffee0000000000dcba',
  customer: { number: '+4930123456', name: 'Grace' },
  phoneNumber: { e164: '+4930999999', provider: 'vapi', providerNumberId: 'pn_123' },
  assistant: {
    name: 'A renewals caller with a name longer than Vapi keeps',
    firstMessage: 'Hello, this is Northwind.',
    systemPrompt: 'Be brief.',
    voice: { provider: '11labs', voiceId: 'voice-9' },
  },
  ...overrides,
});

/** A port nothing listens on: taken, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the Vapi adapter against a local Vapi', () => {
  const vapi = new FakeVapi();
  let provider: VapiVoiceProvider;
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await vapi.start();
    // A trailing slash on the base URL is forgiven.
    provider = new VapiVoiceProvider('vapi-private-key', `${baseUrl}/`, { url: SERVER_URL, secret: SECRET });
  });
  beforeEach(() => {
    vapi.requests.length = 0;
    vapi.answer = () => ({ status: 201, body: { id: 'vapi-call-1', orgId: 'org', type: 'outboundPhoneCall', status: 'queued' } });
  });
  afterAll(() => vapi.stop());

  it('creates the call through POST /call with the key, the number by Vapi id, and our call id in the assistant metadata', async () => {
    await expect(provider.placeCall(request())).resolves.toEqual({ providerCallId: 'vapi-call-1' });
    expect(vapi.requests).toHaveLength(1);
    const [sent] = vapi.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/call' });
    expect(sent.headers.authorization).toBe('Bearer vapi-private-key');
    expect(sent.body).toEqual({
      phoneNumberId: 'pn_123',
      customer: { number: '+4930123456', name: 'Grace' },
      assistant: {
        name: 'A renewals caller with a name longer th…',
        firstMessage: 'Hello, this is Northwind.',
        model: { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }] },
        voice: { provider: '11labs', voiceId: 'voice-9' },
        server: { url: SERVER_URL, headers: { 'x-vapi-secret': SECRET } },
        serverMessages: ['status-update', 'transcript', 'end-of-call-report'],
        metadata: { callId: '65f0c0ffee0000000000abcd', tenantId: '65f0c0ffee0000000000dcba' },
      },
    });
  });

  it('says why Vapi refused, with its status and messages', async () => {
    vapi.answer = () => ({
      status: 400,
      body: { message: ['customer.number must be a valid phone number'], error: 'Bad Request', statusCode: 400 },
    });
    await expect(provider.placeCall(request())).rejects.toMatchObject({
      name: 'VoiceProviderError',
      message: 'Vapi refused the call (400): customer.number must be a valid phone number',
    });
  });

  it('never retries a failed create: a second attempt could dial the customer twice', async () => {
    vapi.answer = () => ({ status: 503, body: { message: 'overloaded' } });
    await expect(provider.placeCall(request())).rejects.toMatchObject({ message: 'Vapi refused the call (503): overloaded' });
    vapi.answer = () => ({ status: 429, body: { message: 'slow down' } });
    await expect(provider.placeCall(request())).rejects.toMatchObject({ message: 'Vapi refused the call (429): slow down' });
    expect(vapi.requests).toHaveLength(2);
  });

  it('refuses an answer without a call id', async () => {
    vapi.answer = () => ({ status: 201, body: { results: [], errors: [] } });
    await expect(provider.placeCall(request())).rejects.toMatchObject({ message: 'Vapi answered without a call id' });
  });

  it('refuses a number not imported into Vapi without calling it', async () => {
    await expect(provider.placeCall(request({ phoneNumber: { e164: '+4930999999' } }))).rejects.toMatchObject({
      message: 'the number +4930999999 has no Vapi phone number id',
    });
    expect(vapi.requests).toHaveLength(0);
  });

  it('refuses a number whose id is the carrier’s, not Vapi’s, without calling it', async () => {
    const twilio = { e164: '+4930999999', provider: 'twilio', providerNumberId: 'PN0123456789abcdef' };
    await expect(provider.placeCall(request({ phoneNumber: twilio }))).rejects.toMatchObject({
      message: 'the number +4930999999 has no Vapi phone number id',
    });
    expect(vapi.requests).toHaveLength(0);
  });

  it('keeps a name of exactly 40 characters, emoji counted as one', async () => {
    const name = `${'🎧'.repeat(20)}${'a'.repeat(20)}`;
    await provider.placeCall(request({ assistant: { ...request().assistant, name } }));
    expect((vapi.requests[0].body.assistant as { name: string }).name).toBe(name);
  });

  it('names the signing credential when one is configured', async () => {
    const signed = new VapiVoiceProvider('vapi-private-key', baseUrl, { url: SERVER_URL, secret: SECRET, credentialId: 'cred_hmac_1' });
    await signed.placeCall(request());
    expect((vapi.requests[0].body.assistant as { server: unknown }).server).toEqual({
      url: SERVER_URL,
      headers: { 'x-vapi-secret': SECRET },
      credentialId: 'cred_hmac_1',
    });
  });

  it('leaves the server out when no server URL is configured', async () => {
    const serverless = new VapiVoiceProvider('vapi-private-key', baseUrl, { secret: SECRET });
    await serverless.placeCall(request());
    expect(vapi.requests[0].body.assistant).not.toHaveProperty('server');
  });

  it('says when Vapi cannot be reached', async () => {
    const unreachable = new VapiVoiceProvider('vapi-private-key', `http://127.0.0.1:${await closedPort()}`, {
      url: SERVER_URL,
      secret: SECRET,
    });
    await expect(unreachable.placeCall(request())).rejects.toMatchObject({
      name: 'VoiceProviderError',
      message: expect.stringMatching(/^Vapi unreachable: /),
    });
  });
});
