import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { analyticsCollection, recorderOf } from '../../support/factories/analytics.js';

const at = (day: string, time = '12:00:00') => new Date(`${day}T${time}.000Z`);

const DAY_MS = 86_400_000;
/**
 * The days the known data lies on (YYYY-MM-DD, UTC), from 40 days before the file started: recent enough that the
 * analytics retention (a TTL index on a real server) never removes the data while the file runs, whatever the date.
 */
const start = new Date();
const firstDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()) - 40 * DAY_MS;
const knownDay = (offset: number) => new Date(firstDay + offset * DAY_MS).toISOString().slice(0, 10);
const [first, second, third, fourth] = [0, 1, 2, 3].map(knownDay);
/** A day after the range the tests ask for. */
const later = knownDay(22);

describe('the staff dashboards', () => {
  let t: TestApp;
  let staff: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, user] = await Promise.all([userWithRole(t, 'staff'), registerUser(t)]);
    // Known data on three days: a, b, c are visitors; b is signed in on the second.
    const pageview = (day: string, visitorId: string, path: string, extra: object = {}) => ({
      at: at(day),
      day,
      visitorId,
      visitId: `${visitorId}-visit`,
      path,
      ...extra,
    });
    await analyticsCollection(t.app, 'pageviews').insertMany([
      pageview(first, 'visitor-a', '/', { durationMs: 1000 }),
      pageview(first, 'visitor-a', '/pricing', { durationMs: 3000 }),
      pageview(first, 'visitor-b', '/', { durationMs: 2000 }),
      pageview(second, 'visitor-b', '/pricing', { userId: user.id }),
      pageview(second, 'visitor-c', '/pricing'),
      pageview(third, 'visitor-c', '/docs'),
      pageview(later, 'visitor-a', '/outside-the-range'),
    ]);
    const event = (day: string, name: string, extra: object = {}) => ({ at: at(day), day, name, visitorId: 'visitor-a', ...extra });
    await analyticsCollection(t.app, 'userevents').insertMany([
      event(first, 'signup.started'),
      event(first, 'signup.completed'),
      event(second, 'signup.started'),
      event(fourth, 'signup.started'),
    ]);
    await analyticsCollection(t.app, 'toolusages').insertMany([
      event(first, 'tool.used', { toolId: 'translator' }),
      event(second, 'tool.used', { toolId: 'translator', visitorId: 'visitor-b' }),
      event(second, 'tool.used', { toolId: 'summarizer' }),
    ]);
    await analyticsCollection(t.app, 'visits').insertMany([
      {
        visitId: 'visit-1',
        visitorId: 'visitor-a',
        day: first,
        startedAt: at(first),
        lastAt: at(first),
        pageviews: 2,
      },
      {
        visitId: 'visit-2',
        visitorId: 'visitor-c',
        day: second,
        startedAt: at(second),
        lastAt: at(second),
        pageviews: 1,
      },
    ]);
  });
  afterAll(() => t?.close());

  const get = (path: string, who: TestUser = staff) => t.http().get(`/api/analytics/${path}`).set(bearer(who));
  const range = `from=${first}&to=${third}`;

  it('counts distinct visitors and signed-in users per day, every day of the range', async () => {
    const answer = await get(`active-users?${range}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({
      from: first,
      to: third,
      days: [
        { day: first, visitors: 2, users: 0 },
        { day: second, visitors: 2, users: 1 },
        { day: third, visitors: 1, users: 0 },
      ],
    });
  });

  it('ranks pages by views with distinct visitors and mean time on page', async () => {
    const answer = await get(`top-pages?${range}`);
    expect(answer.body.pages).toEqual([
      { path: '/pricing', views: 3, visitors: 3, averageDurationMs: 3000 },
      { path: '/', views: 2, visitors: 2, averageDurationMs: 1500 },
      { path: '/docs', views: 1, visitors: 1, averageDurationMs: null },
    ]);
  });

  it('counts events by name and tool uses by tool', async () => {
    expect((await get(`events?${range}`)).body.events).toEqual([
      { name: 'signup.started', count: 2 },
      { name: 'signup.completed', count: 1 },
    ]);
    expect((await get(`tools?${range}`)).body.tools).toEqual([
      { toolId: 'translator', uses: 2, visitors: 2 },
      { toolId: 'summarizer', uses: 1, visitors: 1 },
    ]);
  });

  it('gives one metric per day, zero on days without data', async () => {
    expect((await get(`series?${range}&metric=pageviews`)).body.points).toEqual([
      { day: first, count: 3 },
      { day: second, count: 2 },
      { day: third, count: 1 },
    ]);
    expect((await get(`series?${range}&metric=visits`)).body.points.map((point: { count: number }) => point.count)).toEqual([1, 1, 0]);
  });

  it('refuses a reversed range, one over 366 days and malformed dates with 400', async () => {
    for (const query of [
      'from=2026-01-12&to=2026-01-10',
      'from=2024-01-01&to=2025-06-01',
      'from=2026-13-01',
      'to=yesterday',
      'metric=nope',
    ]) {
      const answer = await get(`series?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('records signed-in API usage by route template, shown after the buffer is flushed', async () => {
    expect((await t.http().get('/api/lab/experiments').set(bearer(user))).status).toBe(200);
    expect((await t.http().get('/api/lab/experiments/not-a-run-id-0000').set(bearer(user))).status).toBe(404);
    // Refused by a guard after the token was verified: still the signed-in caller's request.
    expect((await t.http().get('/api/analytics/api-usage').set(bearer(user))).status).toBe(403);
    await recorderOf(t.app).flush();
    const usages = await analyticsCollection(t.app, 'apiusages')
      .find({ userId: { $exists: true } })
      .toArray();
    const mine = usages.filter((usage) => usage.userId.toString() === user.id);
    expect(mine.map(({ method, route, status, failed }) => ({ method, route, status, failed }))).toEqual(
      expect.arrayContaining([
        { method: 'GET', route: '/api/lab/experiments', status: 200, failed: 0 },
        { method: 'GET', route: '/api/lab/experiments/:experimentId', status: 404, failed: 1 },
        { method: 'GET', route: '/api/analytics/api-usage', status: 403, failed: 1 },
      ]),
    );
    const report = await get('api-usage');
    const row = report.body.routes.find((route: { route: string }) => route.route === '/api/lab/experiments/:experimentId');
    expect(row).toMatchObject({ method: 'GET', requests: 1, errors: 1 });
  });
});
