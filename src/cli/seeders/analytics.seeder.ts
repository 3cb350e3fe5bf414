import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model, Types } from 'mongoose';
import { streamOf, toolIdOf } from '../../modules/analytics/event-routing.js';
import { dayOf } from '../../modules/analytics/privacy.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const VISITORS = 200;
const DAY_MS = 86_400_000;
const PATHS = ['/', '/pricing', '/agents', '/lab', '/docs', '/blog/launch', '/signup', '/community'];
const EVENTS = ['signup.started', 'signup.completed', 'agent.opened', 'tool.used', 'chat.message_sent', 'perf.lcp'];
const TOOLS = ['translator', 'summarizer', 'image-upscaler'];
const SOURCES = ['newsletter', 'search', 'social', undefined];
/** Interaction detail: every page view reports how far it was scrolled, some a rage click or a hover. */
const BEHAVIORS = ['behavior.rage_click', 'behavior.hover', 'behavior.copy'];
const SELECTORS = ['#pricing-toggle', '.agent-card', 'nav .signup', '#docs-search'];
/** What a signed-in visitor's page calls: route templates, as ApiUsageHook records them. */
const API_CALLS: { method: string; route: string }[] = [
  { method: 'GET', route: '/api/users/me' },
  { method: 'GET', route: '/api/notifications/unread-count' },
  { method: 'GET', route: '/api/favorites/user/:userId' },
  { method: 'POST', route: '/api/favorites/:favoriteId/use' },
  { method: 'GET', route: '/api/agents/:agentId/personalization' },
  { method: 'GET', route: '/api/lab/experiments/:experimentId' },
];
/** Every tenth signed-in call fails (an expired token, a missing item, now and then a server error). */
const FAILURES = [401, 404, 404, 500];
/** One visitor in this many is signed in as a seeded member. */
const SIGNED_IN_EVERY = 2;
const MEMBER_POOL = 100;

/**
 * Visitors with their visits, page views and events (product, tool, chat, behavior and performance
 * streams) over the last 30 days; every other visitor is signed in as a seeded member, whose pages
 * also call the API (`apiusages`). Visitor ids derive from the index; a visitor already present is
 * skipped with everything it owns, so a rerun inserts nothing.
 */
export async function seedAnalytics(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const db = app.get<Connection>(getConnectionToken()).db!;
  const members = (
    await app
      .get<Model<User>>(getModelToken(User.name))
      .find({ role: 'user' }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(MEMBER_POOL)
      .lean<{ _id: Types.ObjectId }[]>()
  ).map((user) => user._id);
  const now = Date.now();
  let inserted = 0;
  progress.start('visitors', VISITORS);
  for (let index = 0; index < VISITORS; index++) {
    const visitorId = `seed-visitor-${String(index + 1).padStart(6, '0')}`;
    const firstSeen = new Date(now - ((index * 7_919_000) % (30 * DAY_MS)));
    const source = SOURCES[index % SOURCES.length];
    const utm = source ? { source, campaign: 'seed' } : undefined;
    const visitCount = 1 + (index % 3);
    const userId = members.length > 0 && index % SIGNED_IN_EVERY === 0 ? members[(index / SIGNED_IN_EVERY) % members.length] : undefined;
    const upsert = await db.collection('visitors').updateOne(
      { visitorId },
      {
        $setOnInsert: {
          firstSeenAt: firstSeen,
          firstDay: dayOf(firstSeen),
          lastSeenAt: firstSeen,
          utm,
          locale: index % 2 ? 'en-US' : 'de-DE',
          screen: { width: 1440, height: 900 },
          ipNetwork: `198.51.${index % 256}.0`,
        },
      },
      { upsert: true, ignoreUndefined: true },
    );
    progress.advance(1);
    if (upsert.upsertedCount === 0) continue;
    inserted++;
    const visits = [];
    const pageviews = [];
    const events = new Map<string, Record<string, unknown>[]>();
    const track = (event: Record<string, unknown> & { name: string }) => {
      const stream = streamOf(event.name);
      const document =
        stream === 'toolusages' ? { ...event, toolId: toolIdOf(event.name, { toolId: TOOLS[index % TOOLS.length] }) } : event;
      events.set(stream, [...(events.get(stream) ?? []), document]);
    };
    const apiUsages = [];
    for (let v = 0; v < visitCount; v++) {
      const startedAt = new Date(Math.min(now, firstSeen.getTime() + v * 2 * DAY_MS));
      const visitId = `${visitorId}-visit-${v + 1}`;
      const views = 1 + ((index + v) % 4);
      for (let p = 0; p < views; p++) {
        const at = new Date(startedAt.getTime() + p * 60_000);
        pageviews.push({
          at,
          day: dayOf(at),
          path: PATHS[(index + v + p) % PATHS.length],
          visitorId,
          visitId,
          ...(userId ? { userId } : {}),
          durationMs: 5_000 * (p + 1),
        });
        const who = { visitorId, visitId, ...(userId ? { userId } : {}) };
        track({ at, day: dayOf(at), name: EVENTS[(index + p) % EVENTS.length], ...who });
        const scrolledAt = new Date(at.getTime() + 4_000 * (p + 1));
        track({
          at: scrolledAt,
          day: dayOf(scrolledAt),
          name: 'behavior.scroll_depth',
          ...who,
          properties: { percent: 25 * (1 + ((index + p) % 4)) },
        });
        if ((index + v + p) % 3 === 0) {
          const name = BEHAVIORS[(index + p) % BEHAVIORS.length];
          const behaviorAt = new Date(at.getTime() + 2_000);
          track({
            at: behaviorAt,
            day: dayOf(behaviorAt),
            name,
            ...who,
            properties: { selector: SELECTORS[(index + v) % SELECTORS.length] },
          });
        }
        if (userId) {
          for (let c = 0; c < 1 + ((index + p) % 3); c++) {
            const call = API_CALLS[(index + v + p + c) % API_CALLS.length];
            const calledAt = new Date(at.getTime() + 500 * (c + 1));
            const sequence = index * 31 + v * 7 + p * 3 + c;
            const status = sequence % 10 === 9 ? FAILURES[sequence % FAILURES.length] : call.method === 'POST' ? 201 : 200;
            apiUsages.push({
              at: calledAt,
              day: dayOf(calledAt),
              userId,
              method: call.method,
              route: call.route,
              status,
              failed: status >= 400 ? 1 : 0,
              durationMs: 8 + (sequence % 23) * 6,
            });
          }
        }
      }
      const lastAt = new Date(startedAt.getTime() + (views - 1) * 60_000);
      visits.push({
        visitId,
        visitorId,
        startedAt,
        day: dayOf(startedAt),
        lastAt,
        entryPath: pageviews[pageviews.length - views].path,
        exitPath: pageviews[pageviews.length - 1].path,
        pageviews: views,
        ...(utm ? { utm } : {}),
      });
    }
    await db.collection('visits').insertMany(visits, { ordered: false });
    await db.collection('pageviews').insertMany(pageviews, { ordered: false });
    for (const [stream, documents] of events) await db.collection(stream).insertMany(documents, { ordered: false });
    if (apiUsages.length > 0) await db.collection('apiusages').insertMany(apiUsages, { ordered: false });
    inserted +=
      visits.length + pageviews.length + apiUsages.length + [...events.values()].reduce((sum, documents) => sum + documents.length, 0);
  }
  progress.stop();
  return inserted;
}
