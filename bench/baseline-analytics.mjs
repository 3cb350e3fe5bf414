// The baseline's event ingestion: POST /analytics/track/event with Atrium's work and nothing more. The
// public limit counted per client address; a presented token checked as on authenticated routes (401 when
// it fails, anonymous without one); the body validated as Atrium's TrackEventsDto is (unknown fields refused
// at every level, an optional field sent as null refused as Atrium's body guard does, the same patterns and
// bounds, the same strict ISO 8601 check class-validator makes, at most 5 minutes ahead); events older than
// ANALYTICS_EVENT_MAX_AGE_HOURS refused and counted; each event routed to its stream by its name's first
// word; then one unordered insertMany per stream the batch touches, in parallel, on the collections Atrium
// created (time series where the server has them).
import isISO8601 from 'validator/lib/isISO8601.js';
import { ObjectId } from 'mongodb';

const MAX_EVENTS_PER_BATCH = 500;
const MAX_EVENT_PROPERTIES = 20;
const MAX_PROPERTY_CHARS = 256;
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const TRACKING_ID = /^[A-Za-z0-9_-]{8,64}$/;
const EVENT_NAME = /^[a-z][a-z0-9_]{0,31}(\.[a-z0-9_]{1,32}){0,3}$/;
const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
const STREAMS = { chat: 'chatinteractions', tool: 'toolusages', behavior: 'userbehaviors', perf: 'performancemetrics' };
const BATCH_FIELDS = ['visitorId', 'visitId', 'events'];
const EVENT_FIELDS = ['name', 'at', 'properties'];

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKnown = (value, known) => Object.keys(value).every((key) => known.includes(key));
const isScalar = (value) =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= MAX_PROPERTY_CHARS);

function validEvent(event, now) {
  if (!isObject(event) || !onlyKnown(event, EVENT_FIELDS)) return false;
  const { name, at, properties } = event;
  if (typeof name !== 'string' || name.length > 64 || !EVENT_NAME.test(name)) return false;
  if (typeof at !== 'string' || !isISO8601(at, { strict: true }) || Date.parse(at) > now + MAX_FUTURE_SKEW_MS) return false;
  if (properties === undefined) return true;
  if (!isObject(properties)) return false;
  const entries = Object.entries(properties);
  return entries.length <= MAX_EVENT_PROPERTIES && entries.every(([key, value]) => PROPERTY_KEY.test(key) && isScalar(value));
}

/** The batch as Atrium's DTO reads it, or false when Atrium would answer 400. */
function validBatch(body) {
  if (!isObject(body) || !onlyKnown(body, BATCH_FIELDS)) return false;
  if (typeof body.visitorId !== 'string' || !TRACKING_ID.test(body.visitorId)) return false;
  if (body.visitId !== undefined && (typeof body.visitId !== 'string' || !TRACKING_ID.test(body.visitId))) return false;
  const { events } = body;
  if (!Array.isArray(events) || events.length < 1 || events.length > MAX_EVENTS_PER_BATCH) return false;
  const now = Date.now();
  return events.every((event) => validEvent(event, now));
}

function streamOf(name) {
  const prefix = name.split('.', 1)[0];
  return Object.hasOwn(STREAMS, prefix) ? STREAMS[prefix] : 'userevents';
}

function toolIdOf(name, properties) {
  const given = properties?.toolId;
  if (typeof given === 'string' && given.length > 0) return given.slice(0, 64);
  return name.split('.')[1] ?? name;
}

/**
 * `publicLimit(request, reply)` counts the public limit (false after answering 429); `identify(request,
 * reply)` answers the caller of a presented token, null without one, false after answering 401.
 */
export function registerAnalyticsRoutes(app, { db, env, publicLimit, identify }) {
  const maxAgeMs = Number(env.ANALYTICS_EVENT_MAX_AGE_HOURS ?? 72) * 3_600_000;

  app.post('/analytics/track/event', async (request, reply) => {
    if (!(await publicLimit(request, reply))) return reply;
    const viewer = await identify(request, reply);
    if (viewer === false) return reply;
    const body = request.body;
    if (!validBatch(body)) return reply.code(400).send({ status: 400 });
    const user = viewer ? new ObjectId(viewer.id) : undefined;
    const oldest = Date.now() - maxAgeMs;
    const byStream = new Map();
    let refused = 0;
    for (const event of body.events) {
      const at = new Date(event.at);
      if (at.getTime() < oldest) {
        refused++;
        continue;
      }
      const stream = streamOf(event.name);
      const document = {
        at,
        day: at.toISOString().slice(0, 10),
        name: event.name,
        visitorId: body.visitorId,
        ...(body.visitId ? { visitId: body.visitId } : {}),
        ...(user ? { userId: user } : {}),
        ...(event.properties ? { properties: event.properties } : {}),
        ...(stream === 'toolusages' ? { toolId: toolIdOf(event.name, event.properties) } : {}),
      };
      const documents = byStream.get(stream);
      if (documents) documents.push(document);
      else byStream.set(stream, [document]);
    }
    await Promise.all([...byStream].map(([stream, documents]) => db.collection(stream).insertMany(documents, { ordered: false })));
    return reply.code(202).send({ accepted: body.events.length - refused, refused });
  });
}
