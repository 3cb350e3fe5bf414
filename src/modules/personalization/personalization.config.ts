import { IntSetting } from '../../core/config/config-section.js';
import { INSTRUCTIONS_HARD_MAX, SAVED_PROMPTS_HARD_MAX } from './personalization-fields.js';

/** Agent personalization's slice of the environment. */
export class PersonalizationConfig {
  /** Characters of custom instructions a user may give one agent; longer is refused (400). */
  @IntSetting({ min: 100, max: INSTRUCTIONS_HARD_MAX }) PERSONALIZATION_MAX_INSTRUCTIONS_CHARS = 4000;

  /** Saved prompts a user may keep per agent; one more is refused (409). */
  @IntSetting({ min: 1, max: SAVED_PROMPTS_HARD_MAX }) PERSONALIZATION_MAX_SAVED_PROMPTS = 50;
}
