import { IntSetting } from '../../core/config/config-section.js';

/** The catalogue's slice of the environment. */
export class SkillsConfig {
  /** Seconds between runs of the job that recomputes popularity ranks and trending scores (and purges removed skills). */
  @IntSetting({ min: 10, max: 86_400 }) SKILLS_RANKING_EVERY_SECONDS = 900;
}
