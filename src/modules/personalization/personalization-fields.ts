/** An agent's id until an agents catalogue exists: a lower-case slug. */
export const AGENT_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';

export const THEMES = ['system', 'light', 'dark'] as const;
export const AVATAR_STYLES = ['default', 'minimal', 'illustrated', 'initials'] as const;
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'sv', 'tr', 'ru', 'ar', 'hi', 'ja', 'ko', 'zh'] as const;
export const FONT_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
export const TONES = ['balanced', 'friendly', 'professional', 'casual', 'direct'] as const;
export const VERBOSITIES = ['concise', 'balanced', 'detailed'] as const;
export const RESPONSE_LENGTHS = ['short', 'medium', 'long'] as const;

export type Theme = (typeof THEMES)[number];
export type AvatarStyle = (typeof AVATAR_STYLES)[number];
export type Language = (typeof LANGUAGES)[number];
export type FontSize = (typeof FONT_SIZES)[number];
export type Tone = (typeof TONES)[number];
export type Verbosity = (typeof VERBOSITIES)[number];
export type ResponseLength = (typeof RESPONSE_LENGTHS)[number];

export interface Display {
  theme: Theme;
  avatarStyle: AvatarStyle;
  language: Language;
  fontSize: FontSize;
}

export interface Behavior {
  tone: Tone;
  verbosity: Verbosity;
  /** 0 keeps the agent literal, 1 lets it improvise. */
  creativity: number;
  responseLength: ResponseLength;
}

/** What a user who changed nothing gets; stored settings hold only what the user chose, so these can evolve. */
export const DEFAULT_DISPLAY: Display = { theme: 'system', avatarStyle: 'default', language: 'en', fontSize: 'medium' };
export const DEFAULT_BEHAVIOR: Behavior = { tone: 'balanced', verbosity: 'balanced', creativity: 0.5, responseLength: 'medium' };

/** The request bound on custom instructions; PERSONALIZATION_MAX_INSTRUCTIONS_CHARS sets the limit within it. */
export const INSTRUCTIONS_HARD_MAX = 20_000;
export const PROMPT_TITLE_MAX = 120;
export const PROMPT_TEXT_MAX = 8000;
export const PROMPT_TAGS_MAX = 10;
export const PROMPT_TAG_MAX = 32;
/** The request bound on a reorder list; PERSONALIZATION_MAX_SAVED_PROMPTS is at most this. */
export const SAVED_PROMPTS_HARD_MAX = 500;
