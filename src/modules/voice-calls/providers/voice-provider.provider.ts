import { HttpAdapterHost } from '@nestjs/core';
import { adapterProvider } from '../../../core/adapters/adapter-provider.js';
import { VoiceCallsConfig } from '../voice-calls.config.js';
import { EmbeddedVoiceProvider } from './embedded-voice-provider.js';
import { VapiVoiceProvider } from './vapi-voice-provider.js';
import { VOICE_PROVIDER, type VoiceProvider } from './voice-provider.port.js';

/** Vapi when VAPI_API_KEY is set, else the embedded simulator that calls our own webhook. */
export const voiceProviderProvider = adapterProvider<VoiceProvider, [VoiceCallsConfig, HttpAdapterHost]>({
  port: VOICE_PROVIDER,
  name: 'voice calls',
  inject: [VoiceCallsConfig, HttpAdapterHost],
  vendor: (config) =>
    config.VAPI_API_KEY
      ? new VapiVoiceProvider(config.VAPI_API_KEY, config.VAPI_BASE_URL, {
          url: config.VAPI_SERVER_URL,
          secret: config.VAPI_WEBHOOK_SECRET,
          credentialId: config.VAPI_SERVER_CREDENTIAL_ID,
        })
      : undefined,
  embedded: (config, http) =>
    new EmbeddedVoiceProvider(http, config.VAPI_WEBHOOK_SECRET, config.VAPI_WEBHOOK_HMAC, config.VAPI_EMBEDDED_STEP_MS),
});
