/** What the provider needs to place one outbound call. */
export interface OutboundCallRequest {
  /** Our call id; sent as the assistant's metadata, so every server message names it too. */
  callId: string;
  tenantId: string;
  customer: { number: string; name?: string };
  /** The tenant's number; `providerNumberId` is the id at `provider` (Vapi, or the carrier). */
  phoneNumber: { e164: string; provider?: string; providerNumberId?: string };
  assistant: {
    name: string;
    firstMessage?: string;
    systemPrompt: string;
    voice: { provider: string; voiceId: string; language?: string };
  };
}

export interface PlacedProviderCall {
  /** The provider's id of the call (Vapi's call.id). */
  providerCallId: string;
}

/** Thrown by an adapter when the provider refused or could not be reached. */
export class VoiceProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoiceProviderError';
  }
}

/** The voice platform that dials: Vapi, or the embedded simulator. */
export interface VoiceProvider {
  readonly name: string;
  placeCall(request: OutboundCallRequest): Promise<PlacedProviderCall>;
}

export const VOICE_PROVIDER = Symbol('VoiceProvider');
