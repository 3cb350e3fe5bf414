import { IntSetting } from '../../core/config/config-section.js';

/** The voice agents' slice of the environment: how much configuration one tenant may keep. */
export class VoiceAgentsConfig {
  /** Agents a tenant may keep (archived ones count until deleted with their tenant). */
  @IntSetting({ min: 1, max: 10_000 }) VOICE_AGENTS_MAX_PER_TENANT = 200;

  /** Phone numbers a tenant may hold. */
  @IntSetting({ min: 1, max: 10_000 }) VOICE_NUMBERS_MAX_PER_TENANT = 100;

  /** Voices of its own a tenant may register (the shared catalogue does not count). */
  @IntSetting({ min: 1, max: 10_000 }) VOICE_TENANT_VOICES_MAX = 100;
}
