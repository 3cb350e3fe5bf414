import { IntSetting } from '../../core/config/config-section.js';

/** The call batches' slice of the environment. */
export class CallBatchesConfig {
  /** Seconds between runs of the drain job that places batch calls. */
  @IntSetting({ min: 1, max: 3600 }) CALL_BATCHES_DRAIN_EVERY_SECONDS = 5;

  /** Seconds a drain holds an item it is placing; past them another run places it again (the same attempt, so the same call). */
  @IntSetting({ min: 10, max: 3600 }) CALL_BATCHES_CLAIM_LEASE_SECONDS = 120;

  /** Calls one drain run places at most, across tenants, so one run stays short. */
  @IntSetting({ min: 1, max: 10_000 }) CALL_BATCHES_MAX_PLACED_PER_RUN = 500;
}
