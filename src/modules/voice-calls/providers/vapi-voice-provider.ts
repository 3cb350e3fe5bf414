import { VapiClient, VapiError, VapiTimeoutError, type Vapi } from '@vapi-ai/server-sdk';
import { clip, fitsLength } from '../../../core/text-length.js';
import type { OutboundCallRequest, PlacedProviderCall, VoiceProvider } from './voice-provider.port.js';
import { VoiceProviderError } from './voice-provider.port.js';

const TIMEOUT_SECONDS = 15;

/** Where Vapi is to post server messages: our webhook's public URL, its secret, and the credential that signs them. */
export interface VapiServerSettings {
  url?: string;
  secret: string;
  credentialId?: string;
}

/** The header our webhook checks (`x-vapi-secret`), sent by Vapi with every server message of the call. */
const SECRET_HEADER = 'x-vapi-secret';

/**
 * Vapi through its official server SDK: `POST /call` with a transient assistant built from the agent (its prompt
 * and voice), the tenant's number by Vapi's phoneNumberId, and the customer. Our call id travels in the assistant's
 * metadata, which Vapi echoes in every server message (`call.assistant.metadata`), so messages find the call even
 * before Vapi's id is stored.
 */
export class VapiVoiceProvider implements VoiceProvider {
  readonly name = 'vapi';
  private readonly client: VapiClient;

  constructor(
    apiKey: string,
    baseUrl: string,
    private readonly server: VapiServerSettings,
  ) {
    // No retries: placing a call is not idempotent, and a retry after a timeout could dial the customer twice.
    this.client = new VapiClient({ token: apiKey, baseUrl: baseUrl.replace(/\/$/, ''), maxRetries: 0, timeoutInSeconds: TIMEOUT_SECONDS });
  }

  /** The request body, typed by the SDK: a field Vapi does not know fails the build, not the call. */
  private request(request: OutboundCallRequest): Vapi.CreateCallDto {
    const { e164, provider, providerNumberId } = request.phoneNumber;
    // Dialling out needs a number imported into Vapi; a bare number would need the carrier's credentials too, and
    // a carrier's own id for it means nothing to Vapi.
    if (!providerNumberId || (provider !== undefined && provider !== 'vapi'))
      throw new VoiceProviderError(`the number ${e164} has no Vapi phone number id`);
    return {
      phoneNumberId: providerNumberId,
      customer: { number: request.customer.number, ...(request.customer.name ? { name: request.customer.name } : {}) },
      assistant: {
        // Vapi keeps assistant names to 40 characters: a longer one is cut to 39 and the ellipsis.
        name: fitsLength(request.assistant.name, 40) ? request.assistant.name : clip(request.assistant.name, 39),
        ...(request.assistant.firstMessage ? { firstMessage: request.assistant.firstMessage } : {}),
        model: { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system', content: request.assistant.systemPrompt }] },
        // Voice providers are those of our catalogue, each one Vapi speaks through under the same name.
        voice: { provider: request.assistant.voice.provider, voiceId: request.assistant.voice.voiceId } as Vapi.CreateAssistantDtoVoice,
        ...(this.server.url ? { server: this.serverOf(this.server.url) } : {}),
        serverMessages: ['status-update', 'transcript', 'end-of-call-report'],
        metadata: { callId: request.callId, tenantId: request.tenantId },
      },
    };
  }

  /** Where Vapi posts the call's server messages, with the shared secret and, when configured, the signing credential. */
  private serverOf(url: string): Vapi.Server {
    return {
      url,
      headers: { [SECRET_HEADER]: this.server.secret },
      ...(this.server.credentialId ? { credentialId: this.server.credentialId } : {}),
    };
  }

  async placeCall(request: OutboundCallRequest): Promise<PlacedProviderCall> {
    const body = this.request(request);
    let answer: Vapi.CreateCallsResponse;
    try {
      answer = await this.client.calls.create(body);
    } catch (error) {
      throw providerError(error);
    }
    const id = (answer as Partial<Vapi.Call>).id;
    if (typeof id !== 'string' || id.length === 0) throw new VoiceProviderError('Vapi answered without a call id');
    return { providerCallId: id };
  }
}

function providerError(error: unknown): VoiceProviderError {
  if (error instanceof VapiTimeoutError) return new VoiceProviderError(`Vapi did not answer within ${TIMEOUT_SECONDS} s`);
  if (error instanceof VapiError && error.statusCode !== undefined) {
    const message = (error.body as { message?: unknown } | undefined)?.message;
    const reason = Array.isArray(message) ? message.join('; ') : String(message ?? 'no reason given');
    return new VoiceProviderError(`Vapi refused the call (${error.statusCode}): ${clip(reason, 200)}`);
  }
  return new VoiceProviderError(`Vapi unreachable: ${error instanceof Error ? error.message : String(error)}`);
}
