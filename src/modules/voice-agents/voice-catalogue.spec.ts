import { describe, expect, it } from 'vitest';
import { catalogueVoice, speaksLanguage, VOICE_CATALOGUE } from './voice-catalogue.js';
import { LANGUAGE_PATTERN, VOICE_REF_PATTERN, VOICE_PROVIDERS, isCatalogueRef } from './voice-agents.constants.js';

describe('voice catalogue', () => {
  it('publishes unique ids an agent may store, with known providers and BCP 47 languages', () => {
    const ids = VOICE_CATALOGUE.map((voice) => voice.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const voice of VOICE_CATALOGUE) {
      expect(voice.id).toMatch(VOICE_REF_PATTERN);
      expect(isCatalogueRef(voice.id)).toBe(true);
      expect(VOICE_PROVIDERS).toContain(voice.provider);
      expect(voice.language).toMatch(LANGUAGE_PATTERN);
      if (voice.previewUrl) expect(voice.previewUrl).toMatch(/^https:\/\//);
      expect(catalogueVoice(voice.id)).toBe(voice);
    }
    expect(catalogueVoice('cat-nobody')).toBeUndefined();
  });

  it('matches a language tag and its regional variants, case-insensitively', () => {
    expect(speaksLanguage('en-US', 'en')).toBe(true);
    expect(speaksLanguage('en-US', 'EN-us')).toBe(true);
    expect(speaksLanguage('en', 'en')).toBe(true);
    expect(speaksLanguage('en-US', 'en-GB')).toBe(false);
    expect(speaksLanguage('eng', 'en')).toBe(false);
    expect(speaksLanguage(undefined, 'en')).toBe(false);
  });

  it('tells catalogue ids from tenant voice ids', () => {
    expect(VOICE_REF_PATTERN.test('0123456789abcdef01234567')).toBe(true);
    expect(isCatalogueRef('0123456789abcdef01234567')).toBe(false);
    expect(VOICE_REF_PATTERN.test('cat-')).toBe(false);
    expect(VOICE_REF_PATTERN.test('CAT-x')).toBe(false);
  });
});
