import type { VoiceGender, VoiceProvider } from './voice-agents.constants.js';

export interface CatalogueVoice {
  /** Stable across releases: agents store it. */
  id: string;
  provider: VoiceProvider;
  providerVoiceId: string;
  name: string;
  language: string;
  accent?: string;
  gender?: VoiceGender;
  previewUrl?: string;
}

/**
 * The shared catalogue every tenant may pick from: stock voices of the providers Vapi speaks through. Kept as
 * data in code (it changes with releases, not at runtime); ids never change once published, because agents
 * keep them. Preview links point at the providers' public sample files.
 */
export const VOICE_CATALOGUE: readonly CatalogueVoice[] = [
  {
    id: 'cat-vapi-elliot',
    provider: 'vapi',
    providerVoiceId: 'Elliot',
    name: 'Elliot',
    language: 'en-US',
    accent: 'American',
    gender: 'male',
  },
  {
    id: 'cat-vapi-savannah',
    provider: 'vapi',
    providerVoiceId: 'Savannah',
    name: 'Savannah',
    language: 'en-US',
    accent: 'Southern American',
    gender: 'female',
  },
  { id: 'cat-vapi-rohan', provider: 'vapi', providerVoiceId: 'Rohan', name: 'Rohan', language: 'en-IN', accent: 'Indian', gender: 'male' },
  {
    id: 'cat-11labs-rachel',
    provider: '11labs',
    providerVoiceId: '21m00Tcm4TlvDq8ikWAM',
    name: 'Rachel',
    language: 'en-US',
    accent: 'American',
    gender: 'female',
    previewUrl: 'https://storage.googleapis.com/eleven-public-prod/premade/voices/21m00Tcm4TlvDq8ikWAM/preview.mp3',
  },
  {
    id: 'cat-11labs-george',
    provider: '11labs',
    providerVoiceId: 'JBFqnCBsd6RMkjVDRZzb',
    name: 'George',
    language: 'en-GB',
    accent: 'British',
    gender: 'male',
  },
  {
    id: 'cat-playht-jennifer',
    provider: 'playht',
    providerVoiceId: 'jennifer',
    name: 'Jennifer',
    language: 'en-US',
    accent: 'American',
    gender: 'female',
  },
  {
    id: 'cat-playht-will',
    provider: 'playht',
    providerVoiceId: 'will',
    name: 'Will',
    language: 'en-AU',
    accent: 'Australian',
    gender: 'male',
  },
  { id: 'cat-openai-alloy', provider: 'openai', providerVoiceId: 'alloy', name: 'Alloy', language: 'en', gender: 'neutral' },
  { id: 'cat-openai-nova', provider: 'openai', providerVoiceId: 'nova', name: 'Nova', language: 'en', gender: 'female' },
  {
    id: 'cat-azure-elvira',
    provider: 'azure',
    providerVoiceId: 'es-ES-ElviraNeural',
    name: 'Elvira',
    language: 'es-ES',
    accent: 'Castilian',
    gender: 'female',
  },
  {
    id: 'cat-azure-conrad',
    provider: 'azure',
    providerVoiceId: 'de-DE-ConradNeural',
    name: 'Conrad',
    language: 'de-DE',
    accent: 'German',
    gender: 'male',
  },
  {
    id: 'cat-azure-denise',
    provider: 'azure',
    providerVoiceId: 'fr-FR-DeniseNeural',
    name: 'Denise',
    language: 'fr-FR',
    accent: 'Parisian',
    gender: 'female',
  },
  {
    id: 'cat-deepgram-asteria',
    provider: 'deepgram',
    providerVoiceId: 'aura-asteria-en',
    name: 'Asteria',
    language: 'en-US',
    accent: 'American',
    gender: 'female',
  },
  {
    id: 'cat-deepgram-orion',
    provider: 'deepgram',
    providerVoiceId: 'aura-orion-en',
    name: 'Orion',
    language: 'en-US',
    accent: 'American',
    gender: 'male',
  },
];

const byId = new Map(VOICE_CATALOGUE.map((voice) => [voice.id, voice]));

export const catalogueVoice = (id: string): CatalogueVoice | undefined => byId.get(id);

/** `en` matches `en`, `en-US`, `en-GB`…; `en-US` matches only itself. Case-insensitive, as tags are. */
export const speaksLanguage = (voiceLanguage: string | undefined, wanted: string): boolean => {
  if (!voiceLanguage) return false;
  const have = voiceLanguage.toLowerCase();
  const want = wanted.toLowerCase();
  return have === want || have.startsWith(`${want}-`);
};
