import { IntSetting } from '../../core/config/config-section.js';
import { IsCronExpression } from '../../core/jobs/cron-schedule.js';

/** The feedback board's slice of the environment. */
export class SuggestionsConfig {
  /** `sort=trending` ranks suggestions submitted in this many last days by score. */
  @IntSetting({ min: 1, max: 365 }) SUGGESTIONS_TRENDING_DAYS = 14;
  /** Comments shown with a suggestion, newest first; the rest are counted in commentCount. */
  @IntSetting({ min: 1, max: 100 }) SUGGESTIONS_DETAIL_COMMENTS = 20;
  /** When the vote counters are recounted from the votes (UTC), healing any drift a crash between two writes left. */
  @IsCronExpression() SUGGESTIONS_RECOUNT_CRON = '15 4 * * *';
}
