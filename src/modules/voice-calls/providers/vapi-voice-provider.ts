import type { OutboundCallRequest, PlacedProviderCall, VoiceProvider } from './voice-provider.port.js';
import { VoiceProviderError } from './voice-provider.port.js';

const TIMEOUT_MS = 15_000;

/**
 * Vapi's REST API: POST /call with a transient assistant built from the agent (its prompts and voice), the
 * tenant's number (Vapi's phoneNumberId when known, else the number itself) and the customer. Our call id travels
 * in metadata, so the server messages of the call can be matched even before Vapi's id is stored.
 */
export class VapiVoiceProvider implements VoiceProvider {
  readonly name = 'vapi';

  constructor(
    private readonly apiKey: string,
    private readonly baseUrl: string,
    private readonly serverUrl: string | undefined,
    private readonly serverSecret: string,
  ) {}

  async placeCall(request: OutboundCallRequest): Promise<PlacedProviderCall> {
    const body = {
      ...(request.phoneNumber.providerNumberId
        ? { phoneNumberId: request.phoneNumber.providerNumberId }
        : { phoneNumber: { twilioPhoneNumber: request.phoneNumber.e164 } }),
      customer: { number: request.customer.number, ...(request.customer.name ? { name: request.customer.name } : {}) },
      assistant: {
        name: request.assistant.name.slice(0, 40),
        ...(request.assistant.firstMessage ? { firstMessage: request.assistant.firstMessage } : {}),
        model: { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system', content: request.assistant.systemPrompt }] },
        voice: { provider: request.assistant.voice.provider, voiceId: request.assistant.voice.voiceId },
        ...(this.serverUrl ? { server: { url: this.serverUrl, secret: this.serverSecret } } : {}),
        serverMessages: ['status-update', 'transcript', 'end-of-call-report'],
      },
      metadata: { callId: request.callId, tenantId: request.tenantId },
    };
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/call`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new VoiceProviderError(`Vapi unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const answer = (await response.json().catch(() => ({}))) as { id?: unknown; message?: unknown };
    if (!response.ok || typeof answer.id !== 'string')
      throw new VoiceProviderError(`Vapi refused the call (${response.status}): ${String(answer.message ?? 'no id').slice(0, 200)}`);
    return { providerCallId: answer.id };
  }
}
