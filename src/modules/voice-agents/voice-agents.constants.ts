/** The speech providers a voice comes from (catalogue and tenant voices alike). */
export const VOICE_PROVIDERS = ['vapi', '11labs', 'playht', 'openai', 'azure', 'deepgram', 'cartesia', 'rime-ai', 'lmnt'] as const;
export type VoiceProvider = (typeof VOICE_PROVIDERS)[number];

export const VOICE_GENDERS = ['female', 'male', 'neutral'] as const;
export type VoiceGender = (typeof VOICE_GENDERS)[number];

/** The carriers a number is rented from. */
export const NUMBER_PROVIDERS = ['vapi', 'twilio', 'vonage', 'telnyx'] as const;
export type NumberProvider = (typeof NUMBER_PROVIDERS)[number];

/** BCP 47 as voices are labelled: `en`, `en-US`, `pt-BR`, `zh-Hans-CN`. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/** The longest instruction or prompt an agent keeps: enough for a detailed script, bounded for the provider. */
export const MAX_INSTRUCTIONS = 20_000;
export const MAX_FIRST_MESSAGE = 1_000;

/** A catalogue voice's id (`cat-…`) or a tenant voice's ObjectId. */
export const VOICE_REF_PATTERN = /^([0-9a-f]{24}|cat-[a-z0-9-]{1,56})$/;
export const isCatalogueRef = (id: string) => id.startsWith('cat-');
