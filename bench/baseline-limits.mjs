// The baseline's rate limits, the same work as Atrium's RateLimiters and guards: rate-limiter-flexible's
// MongoDB store in the same `ratelimits` collection with the same prefixes and keys (a digest of the
// client address, with the route for sign-in routes; the user id on authenticated routes), one
// findOneAndUpdate per counted request, and the RateLimit-* headers. The benchmark sets the limits out of
// reach, so what both sides pay is the counting, not refusals.
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { createHash } from 'node:crypto';

const digest = (text) => createHash('sha256').update(text).digest('base64url');

export function createLimits(client, dbName, env) {
  const duration = Number(env.RATE_LIMIT_WINDOW_SECONDS ?? 60);
  const limiter = (keyPrefix, points) =>
    Number(points) > 0
      ? new RateLimiterMongo({
          storeClient: client,
          dbName,
          tableName: 'ratelimits',
          keyPrefix,
          points: Number(points),
          duration,
          inMemoryBlockOnConsumed: Number(points),
          disableIndexesCreation: true,
        })
      : undefined;
  const limiters = {
    auth: limiter('auth', env.AUTH_RATE_LIMIT_PER_MINUTE ?? 20),
    public: limiter('public', env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 120),
    user: limiter('user', env.USER_RATE_LIMIT_PER_MINUTE ?? 600),
  };

  /** Counts one request; false after answering 429. */
  async function count(rateClass, key, reply) {
    const chosen = limiters[rateClass];
    if (!chosen) return true;
    let result;
    let allowed = true;
    try {
      result = await chosen.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      result = error;
      allowed = false;
    }
    const reset = Math.max(0, Math.ceil(result.msBeforeNext / 1000));
    reply.header('RateLimit-Limit', String(chosen.points));
    reply.header('RateLimit-Remaining', String(result.remainingPoints));
    reply.header('RateLimit-Reset', String(reset));
    if (!allowed)
      reply
        .code(429)
        .header('Retry-After', String(Math.max(1, reset)))
        .send({ status: 429 });
    return allowed;
  }

  return {
    /** Sign-in routes: per client address and route. */
    signIn: (request, reply, route) => count('auth', digest(`${request.ip}\n${route}`), reply),
    /** Every authenticated route: per user. */
    user: (actor, reply) => count('user', actor.id, reply),
  };
}
