import { IntSetting } from '../../core/config/config-section.js';

/** The lab's slice of the environment. */
export class LabConfig {
  /** A run marked `notify` that took at least this many seconds notifies its owner when it finishes. */
  @IntSetting({ min: 0, max: 86_400 }) LAB_NOTIFY_AFTER_SECONDS = 30;
}
