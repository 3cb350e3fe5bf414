import { afterEach, describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { VoiceCallsConfig, voiceCallsConfigProvider } from './voice-calls.config.js';

const VARIABLES = ['VAPI_API_KEY', 'VAPI_SERVER_URL', 'VAPI_WEBHOOK_HMAC', 'VAPI_SERVER_CREDENTIAL_ID'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

describe('voice calls configuration', () => {
  afterEach(() => {
    for (const name of VARIABLES)
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
  });

  it('reads the Vapi settings that have no default', () => {
    const config = readConfigSection(VoiceCallsConfig, {
      VAPI_API_KEY: 'vapi-private-key',
      VAPI_SERVER_URL: 'https://api.example.com/api/voice/webhooks/vapi',
      VAPI_WEBHOOK_HMAC: 'an-hmac-secret-of-some-length',
      VAPI_SERVER_CREDENTIAL_ID: 'cred_123',
    });
    expect(config).toMatchObject({
      VAPI_API_KEY: 'vapi-private-key',
      VAPI_SERVER_URL: 'https://api.example.com/api/voice/webhooks/vapi',
      VAPI_WEBHOOK_HMAC: 'an-hmac-secret-of-some-length',
      VAPI_SERVER_CREDENTIAL_ID: 'cred_123',
    });
  });

  it('refuses to start with Vapi and an HMAC secret but no credential to sign with it: every message would be refused', () => {
    Object.assign(process.env, { VAPI_API_KEY: 'vapi-private-key', VAPI_WEBHOOK_HMAC: 'an-hmac-secret-of-some-length' });
    delete process.env.VAPI_SERVER_CREDENTIAL_ID;
    expect(() => voiceCallsConfigProvider.useFactory()).toThrow(/VAPI_WEBHOOK_HMAC with VAPI_API_KEY needs VAPI_SERVER_CREDENTIAL_ID/);
    process.env.VAPI_SERVER_CREDENTIAL_ID = 'cred_123';
    expect(voiceCallsConfigProvider.useFactory().VAPI_SERVER_CREDENTIAL_ID).toBe('cred_123');
    // The simulator signs its own messages, so the HMAC alone is fine without Vapi.
    delete process.env.VAPI_API_KEY;
    delete process.env.VAPI_SERVER_CREDENTIAL_ID;
    expect(voiceCallsConfigProvider.useFactory().VAPI_WEBHOOK_HMAC).toBe('an-hmac-secret-of-some-length');
  });
});
