import { IntSetting } from '../../core/config/config-section.js';

/** The learning context's slice of the environment. */
export class LearningConfig {
  /** Ratings a teacher needs before the rating leaderboard lists them, so one lucky rating does not top it. */
  @IntSetting({ min: 1, max: 1000 }) LEARNING_LEADERBOARD_MIN_RATINGS = 3;

  /** Teachers of a skill scored per matching request (the best rated first), bounding its cost. */
  @IntSetting({ min: 10, max: 5000 }) LEARNING_MATCH_CANDIDATES = 500;
}
