/**
 * When a failed delivery is tried again: after 1 minute, 5 minutes, 30 minutes, 2 hours, then 8 hours
 * (the same schedule for every delivery, so a receiver that was down for a night catches up in the
 * morning). The delivery fails for good after the attempt that finds no wait left: six attempts in all.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 8 * 3_600_000] as const;

/** Attempts a delivery gets before it is `failed`: the first and one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * The wait before the next attempt, after `failedAttempts` attempts of this round failed (1 after the
 * first), or undefined when the delivery has had all its attempts.
 */
export const retryDelayAfter = (failedAttempts: number): number | undefined =>
  failedAttempts >= 1 && failedAttempts <= RETRY_DELAYS_MS.length ? RETRY_DELAYS_MS[failedAttempts - 1] : undefined;
