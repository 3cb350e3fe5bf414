// The baseline: a bare Fastify server on the official mongodb driver that answers the benchmark's
// scenarios with the same queries, indexes, token and account checks and hashing as Atrium, and nothing else.
// It shares Atrium's database, so its collections carry the indexes Atrium built at start.
// What Atrium costs above it is the price of Nest, Mongoose, validation and the guards' framework.
import argon2 from 'argon2';
import Fastify from 'fastify';
import { pino } from 'pino';
import { MongoClient, ObjectId } from 'mongodb';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import Stripe from 'stripe';
import { createHash, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createTokenCheck } from './baseline-auth.mjs';
import { createLimits } from './baseline-limits.mjs';
import { registerAnalyticsRoutes } from './baseline-analytics.mjs';
import { registerFavoritesRoutes } from './baseline-favorites.mjs';
import { registerSessionsRoutes } from './baseline-sessions.mjs';
import { registerSkillsRoutes } from './baseline-skills.mjs';
import { registerSuggestionsRoutes } from './baseline-suggestions.mjs';
import { registerSupportRoutes } from './baseline-support.mjs';
import { registerTenancyRoutes } from './baseline-tenancy.mjs';
import { registerVoiceRoutes } from './baseline-voice.mjs';

const { MONGODB_URI, MONGODB_DB_NAME, STRIPE_WEBHOOK_SECRET, PORT = '3100' } = process.env;
// Atrium's own outbound-URL policy for links in bodies: the built app (as `npm run bench` has it), or another copy of it.
const appDir = process.env.BENCH_APP_DIR ? pathToFileURL(`${process.env.BENCH_APP_DIR}/`).href : new URL('../dist/', import.meta.url).href;
const { outboundUrlProblem } = await import(new URL('core/net/outbound-url.js', appDir).href);
// The same security headers as Atrium's answers, from the same helmet settings.
const { securityHeaders } = await import(new URL('core/http/security-headers.js', appDir).href);
// The catalogue's stemmer, so both sides look up the same stems.
const { queryTerms } = await import(new URL('modules/skills/search-terms.js', appDir).href);
const { judgeRow } = await import(new URL('modules/leads/lead-import-rows.js', appDir).href);
const { timezoneOfNumber } = await import(new URL('core/phone/index.js', appDir).href);
const { DEVELOPMENT_SECRETS } = await import(new URL('core/config/published-secrets.js', appDir).href);
const stripe = new Stripe('sk_test_signature_verification_only');
const client = await new MongoClient(MONGODB_URI).connect();
const db = client.db(MONGODB_DB_NAME);
const users = db.collection('users');
const sessions = db.collection('usersessions');
const activities = db.collection('useractivities');
const transactions = db.collection('transactions');
const notifications = db.collection('notifications');
const webhookEvents = db.collection('webhookevents');
// The token, then the account and session behind it (cached as Atrium caches them): see baseline-auth.mjs.
const tokenCheck = createTokenCheck(db, process.env);
const { sign } = tokenCheck;
// Rate limits counted in MongoDB as Atrium counts them: see baseline-limits.mjs.
const limits = createLimits(client, MONGODB_DB_NAME, process.env);
async function actorOf(request, reply) {
  const actor = await tokenCheck.actorOf(request, reply);
  if (actor) request.actorId = actor.id;
  return actor && (await limits.user(actor, reply)) ? actor : undefined;
}

// Public routes that identify their caller (Atrium's `@Public({ identify: true })`): no Authorization header
// means anonymous (null); a presented one is checked exactly as on authenticated routes, and false means it
// failed and 401 was answered. Public routes are not under the per-user limit.
async function identify(request, reply) {
  if (request.headers.authorization === undefined) return null;
  const actor = await tokenCheck.actorOf(request, reply);
  if (!actor) return false;
  request.actorId = actor.id;
  return actor;
}

// The `public` class, counted before authentication per client address (a digest of it), as Atrium's
// ClientRateLimitGuard does: the same store, collection, prefix and key, and the same RateLimit-* headers.
const publicPoints = Number(process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 120);
const publicLimiter =
  publicPoints > 0
    ? new RateLimiterMongo({
        storeClient: client,
        dbName: MONGODB_DB_NAME,
        tableName: 'ratelimits',
        keyPrefix: 'public',
        points: publicPoints,
        duration: Number(process.env.RATE_LIMIT_WINDOW_SECONDS ?? 60),
        inMemoryBlockOnConsumed: publicPoints,
        disableIndexesCreation: true,
      })
    : undefined;
const digest = (text) => createHash('sha256').update(text).digest('base64url');
async function publicLimit(request, reply) {
  if (!publicLimiter) return true;
  let result;
  let allowed = true;
  try {
    result = await publicLimiter.consume(digest(request.ip ?? 'unknown'));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    result = error;
    allowed = false;
  }
  const reset = Math.max(0, Math.ceil(result.msBeforeNext / 1000));
  reply.header('RateLimit-Limit', String(publicPoints));
  reply.header('RateLimit-Remaining', String(result.remainingPoints));
  reply.header('RateLimit-Reset', String(reset));
  if (!allowed)
    reply
      .code(429)
      .header('Retry-After', String(Math.max(1, reset)))
      .send({ status: 429 });
  return allowed;
}

const publicProfile = (user) => ({
  id: user._id.toHexString(),
  displayName: user.profile?.displayName,
  avatarUrl: user.profile?.avatarUrl,
  bio: user.profile?.bio,
  role: user.role,
  createdAt: user.createdAt.toISOString(),
  updatedAt: user.updatedAt.toISOString(),
});

// Request ids and trace context parsed and minted by the same rules as Atrium's.
const { requestIdFrom } = await import(new URL('core/http/request-id.js', appDir).href);
const { parseTraceparent, formatTraceparent, RANDOM_TRACE_ID } = await import(new URL('core/logging/trace-context.js', appDir).href);
const { newTraceId, newSpanId } = await import(new URL('core/logging/trace-ids.js', appDir).href);

// One JSON access line per request through pino, at completion, into an asynchronous 4 KiB buffer: what
// Atrium writes, and how (health probes at debug).
const log = pino(
  { level: process.env.LOG_LEVEL ?? 'info', base: { service: 'baseline' }, timestamp: pino.stdTimeFunctions.isoTime },
  pino.destination({ dest: 1, sync: false, minLength: 4096 }),
);
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, genReqId: requestIdFrom });
const headers = securityHeaders();
app.decorateRequest('traceId', '');
app.addHook('onRequest', (request, reply, done) => {
  const parent = parseTraceparent(request.headers.traceparent);
  request.traceId = parent?.traceId ?? newTraceId();
  reply.header('traceresponse', formatTraceparent(request.traceId, newSpanId(), parent ? parent.flags : RANDOM_TRACE_ID));
  reply.header('x-request-id', request.id);
  headers(request.raw, reply.raw, done);
});
app.addHook('onResponse', (request, reply, done) => {
  const route = request.routeOptions.url;
  const level = route === '/health' ? 'debug' : reply.statusCode >= 500 ? 'error' : 'info';
  if (log.isLevelEnabled(level)) {
    log[level](
      {
        requestId: request.id,
        traceId: request.traceId,
        method: request.method,
        route: route ?? request.url.split('?')[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ip: request.ip,
        userId: request.actorId,
      },
      'request completed',
    );
  }
  done();
});

app.get('/health', async () => ({ status: 'ok', info: {}, error: {}, details: {} }));

app.get('/users/:id', async (request, reply) => {
  if (!(await actorOf(request, reply))) return reply;
  if (!/^[0-9a-f]{24}$/i.test(request.params.id)) return reply.code(400).send({ status: 400 });
  const user = await users.findOne({ _id: new ObjectId(request.params.id) }, { projection: { passwordHash: 0 } });
  if (!user) return reply.code(404).send({ status: 404 });
  return publicProfile(user);
});

app.get('/users', async (request, reply) => {
  const actor = await actorOf(request, reply);
  if (!actor) return reply;
  if (actor.role !== 'staff' && actor.role !== 'admin') return reply.code(403).send({ status: 403 });
  const page = Number(request.query.page ?? 1);
  const limit = Number(request.query.limit ?? 20);
  const filter = request.query.role ? { role: String(request.query.role) } : {};
  const [items, total] = await Promise.all([
    users
      .find(filter, { projection: { passwordHash: 0 } })
      .sort({ createdAt: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .toArray(),
    users.countDocuments(filter),
  ]);
  return {
    items: items.map((user) => ({ ...publicProfile(user), email: user.email, profile: user.profile, preferences: user.preferences })),
    total,
    page,
    limit,
  };
});

app.post('/register', async (request, reply) => {
  if (!(await limits.signIn(request, reply, 'AuthController.register'))) return reply;
  const { email, password } = request.body ?? {};
  if (typeof email !== 'string' || typeof password !== 'string' || password.length < 10) return reply.code(400).send({ status: 400 });
  const now = new Date();
  const normalized = email.trim().toLowerCase();
  const inserted = await users.insertOne({
    email: normalized,
    passwordHash: await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    role: 'user',
    status: 'active',
    profile: { timezone: 'UTC', locale: 'en' },
    preferences: { theme: 'system', productEmails: true, marketingEmails: false },
    searchKeys: [normalized],
    createdAt: now,
    updatedAt: now,
  });
  await activities.insertOne({
    userId: inserted.insertedId,
    type: 'registered',
    expiresAt: new Date(Date.now() + 365 * 86400000),
    createdAt: now,
    updatedAt: now,
  });
  const secret = randomBytes(32).toString('base64url');
  const session = await sessions.insertOne({
    userId: inserted.insertedId,
    tokenHash: createHash('sha256').update(secret).digest('base64url'),
    previousTokenHashes: [],
    lastSeenAt: now,
    expiresAt: new Date(Date.now() + 30 * 86400000),
    createdAt: now,
    updatedAt: now,
  });
  const sessionId = session.insertedId.toHexString();
  const accessToken = sign({ id: inserted.insertedId.toHexString(), role: 'user', sessionId }, 900);
  return reply
    .code(201)
    .send({ accessToken, refreshToken: `${sessionId}.${secret}`, user: { id: inserted.insertedId.toHexString(), email: normalized } });
});

app.get('/notifications', async (request, reply) => {
  const actor = await actorOf(request, reply);
  if (!actor) return reply;
  const page = Number(request.query.page ?? 1);
  const limit = Number(request.query.limit ?? 20);
  const filter = { userId: new ObjectId(actor.id), scheduledFor: { $lte: new Date() } };
  const [items, total] = await Promise.all([
    notifications
      .find(filter)
      .sort({ scheduledFor: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .toArray(),
    notifications.countDocuments(filter),
  ]);
  return {
    items: items.map(({ _id, userId, ...rest }) => ({ id: _id.toHexString(), userId: userId.toHexString(), ...rest })),
    total,
    page,
    limit,
  };
});

app.get('/notifications/unread-count', async (request, reply) => {
  const actor = await actorOf(request, reply);
  if (!actor) return reply;
  return {
    unread: await notifications.countDocuments({ userId: new ObjectId(actor.id), read: false, scheduledFor: { $lte: new Date() } }),
  };
});

app.post('/payments/intent', async (request, reply) => {
  const actor = await actorOf(request, reply);
  if (!actor) return reply;
  const { amount, currency } = request.body ?? {};
  if (!Number.isInteger(amount) || amount < 1 || typeof currency !== 'string') return reply.code(400).send({ status: 400 });
  const now = new Date();
  const intentId = `pi_mock_${randomBytes(12).toString('hex')}`;
  const doc = {
    userId: new ObjectId(actor.id),
    type: 'purchase',
    amount,
    currency: currency.toUpperCase(),
    status: 'pending',
    refundedAmount: 0,
    provider: 'mock',
    stripePaymentIntentId: intentId,
    audit: [{ from: null, to: 'pending', at: now, source: 'api', actorId: new ObjectId(actor.id) }],
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await transactions.insertOne(doc);
  return reply.code(201).send({ id: inserted.insertedId.toHexString(), ...doc, clientSecret: `${intentId}_secret` });
});

// Raw body for the signature, as Stripe requires.
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
  try {
    request.rawBody = body;
    done(null, body.length ? JSON.parse(body.toString()) : {});
  } catch (error) {
    done(error);
  }
});

app.post('/webhook', async (request, reply) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(request.rawBody, request.headers['stripe-signature'], STRIPE_WEBHOOK_SECRET);
  } catch {
    return reply.code(400).send({ status: 400 });
  }
  const before = await webhookEvents.findOneAndUpdate(
    { provider: 'stripe', eventId: event.id },
    {
      $setOnInsert: {
        provider: 'stripe',
        eventId: event.id,
        type: event.type,
        receivedAt: new Date(),
        outcome: 'received',
        payload: event.data.object,
      },
      $inc: { attempts: 1 },
    },
    { upsert: true, returnDocument: 'before' },
  );
  if (before) return { received: true, duplicate: true, outcome: before.outcome };
  await webhookEvents.updateOne({ provider: 'stripe', eventId: event.id }, { $set: { outcome: 'ignored', processedAt: new Date() } });
  return { received: true, duplicate: false, outcome: 'ignored' };
});

registerSupportRoutes(app, { db, env: process.env, actorOf, urlProblem: outboundUrlProblem });
registerTenancyRoutes(app, { db, env: process.env, actorOf });
registerSuggestionsRoutes(app, { db, env: process.env, publicLimit, identify });
registerFavoritesRoutes(app, { db, actorOf });
registerAnalyticsRoutes(app, { db, env: process.env, publicLimit, identify });
registerSkillsRoutes(app, { db, publicLimit, identify, queryTerms });
registerSessionsRoutes(app, { db, actorOf });
registerVoiceRoutes(app, { db, env: process.env, actorOf, judgeRow, timezoneOfNumber, developmentSecrets: DEVELOPMENT_SECRETS });

await app.listen({ port: Number(PORT), host: '127.0.0.1' });
console.log(`baseline listening on ${PORT}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    await app.close();
    await client.close();
    await new Promise((resolve) => log.flush(resolve));
    process.exit(0);
  });
}
