// The baseline's token check, the same work as Atrium's AuthGuard + AccountGate: verify the HS256
// signature and claims, then ask whether the account is still active with the token's role, the token
// issued after the account's cut-off and its session still open: two indexed reads by id, remembered
// per (user, session) for AUTH_ACCOUNT_CACHE_MS (5 s) like Atrium's per-instance cache, with shared
// concurrent misses and the same bound. Without it the baseline would skip work Atrium does on every
// authenticated request (or, without the cache, do more), and the ratios would not be honest.
import jwt from 'jsonwebtoken';
import { ObjectId } from 'mongodb';
import { createSecretKey } from 'node:crypto';

const ROLES = ['user', 'staff', 'admin'];
const isId = (value) => typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value);

/** What Atrium's account-state source reads: status, role and cut-off of the user, and whether the session is open. */
function accountStateLoader(db) {
  const users = db.collection('users');
  const sessions = db.collection('usersessions');
  return async (userId, sessionId) => {
    if (!isId(userId) || !isId(sessionId)) return undefined;
    const [user, session] = await Promise.all([
      users.findOne({ _id: new ObjectId(userId) }, { projection: { status: 1, role: 1, tokensValidAfter: 1 } }),
      sessions.findOne(
        { _id: new ObjectId(sessionId), userId: new ObjectId(userId), revokedAt: null, expiresAt: { $gt: new Date() } },
        { projection: { _id: 1 } },
      ),
    ]);
    if (!user) return undefined;
    return {
      active: user.status === 'active',
      role: user.role,
      tokensValidAfter: user.tokensValidAfter ? Math.floor(user.tokensValidAfter.getTime() / 1000) : undefined,
      sessionActive: session !== null,
    };
  };
}

/** Atrium's AccountStateCache: a promise per (user, session) until it expires; failed loads are not kept; oldest out first. */
function accountStateCache(load, ttlMs, maxEntries) {
  const entries = new Map();
  return (userId, sessionId) => {
    const key = `${userId}:${sessionId}`;
    const now = Date.now();
    const cached = entries.get(key);
    if (cached && cached.expiresAt > now) return cached.state;
    entries.delete(key);
    const state = load(userId, sessionId);
    if (ttlMs > 0) {
      const entry = { state, expiresAt: now + ttlMs };
      entries.set(key, entry);
      state.catch(() => entries.get(key) === entry && entries.delete(key));
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    }
    return state;
  };
}

/**
 * `actorOf(request, reply)`: the signed-in caller, or undefined after answering 401.
 * `sign(actor)`: an access token as Atrium signs it (registration).
 */
export function createTokenCheck(db, env) {
  const key = createSecretKey(Buffer.from(env.JWT_SECRET));
  const stateOf = accountStateCache(
    accountStateLoader(db),
    Number(env.AUTH_ACCOUNT_CACHE_MS ?? 5000),
    Number(env.AUTH_ACCOUNT_CACHE_MAX_ENTRIES ?? 10000),
  );

  async function admitted(header) {
    const [scheme, token] = (header ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
    let claims;
    try {
      claims = jwt.verify(token, key, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    if (claims.typ !== 'access' || !ROLES.includes(claims.role) || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      return undefined;
    }
    const state = await stateOf(claims.sub, claims.sid);
    if (!state?.active || !state.sessionActive || state.role !== claims.role) return undefined;
    if (state.tokensValidAfter !== undefined && (claims.iat ?? 0) < state.tokensValidAfter) return undefined;
    return { id: claims.sub, role: claims.role, sessionId: claims.sid };
  }

  return {
    async actorOf(request, reply) {
      const actor = await admitted(request.headers.authorization);
      if (!actor) reply.code(401).send({ status: 401 });
      return actor;
    },
    sign: (actor, expiresIn) =>
      jwt.sign({ sub: actor.id, role: actor.role, sid: actor.sessionId, typ: 'access' }, key, { algorithm: 'HS256', expiresIn }),
  };
}
