import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { analyticsCollection, events, visitorId } from '../../support/factories/analytics.js';

describe('tracking visitors, page views and events', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    // The burst below is 20 calls from one address; the public limit is for people, not for this test.
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '1000';
    t = await startTestApp();
    user = await registerUser(t);
  });
  afterAll(async () => {
    delete process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
    await t?.close();
  });

  const track = (kind: string, body: object) => t.http().post(`/api/analytics/track/${kind}`).send(body);

  it('stores a burst of 10,000 events (20 batches of 500) with nothing lost', async () => {
    const visitor = visitorId();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => track('event', { visitorId: visitor, events: events(500, 'burst.sent') })),
    );
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      expect(answer.body).toEqual({ accepted: 500, refused: 0 });
    }
    expect(await analyticsCollection(t.app, 'userevents').countDocuments({ visitorId: visitor, name: 'burst.sent' })).toBe(10_000);
  });

  it('routes events to their streams by name and counts events too old to keep as refused', async () => {
    const visitor = visitorId();
    const old = new Date(Date.now() - 100 * 3_600_000).toISOString();
    const answer = await track('event', {
      visitorId: visitor,
      events: [
        { name: 'tool.used', at: new Date().toISOString(), properties: { toolId: 'translator' } },
        { name: 'chat.message_sent', at: new Date().toISOString() },
        { name: 'perf.lcp', at: new Date().toISOString(), properties: { value: 1830 } },
        { name: 'signup.completed', at: old },
      ],
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ accepted: 3, refused: 1 });
    expect(await analyticsCollection(t.app, 'toolusages').findOne({ visitorId: visitor })).toMatchObject({ toolId: 'translator' });
    expect(await analyticsCollection(t.app, 'chatinteractions').countDocuments({ visitorId: visitor })).toBe(1);
    expect(await analyticsCollection(t.app, 'performancemetrics').countDocuments({ visitorId: visitor })).toBe(1);
    expect(await analyticsCollection(t.app, 'userevents').countDocuments({ visitorId: visitor })).toBe(0);
  });

  it('refuses bad names, oversized batches, far-future times and unbounded properties with 400, storing nothing', async () => {
    const visitor = visitorId();
    const now = new Date().toISOString();
    const bad = [
      { visitorId: visitor, events: [{ name: 'Bad Name!', at: now }] },
      { visitorId: visitor, events: events(501) },
      { visitorId: visitor, events: [] },
      { visitorId: visitor, events: [{ name: 'ok.event', at: new Date(Date.now() + 3_600_000).toISOString() }] },
      { visitorId: visitor, events: [{ name: 'ok.event', at: 'yesterday' }] },
      { visitorId: visitor, events: [{ name: 'ok.event', at: now, properties: { nested: { deep: true } } }] },
      { visitorId: visitor, events: [{ name: 'ok.event', at: now, properties: { long: 'x'.repeat(300) } }] },
      { visitorId: visitor, events: [{ name: 'ok.event', at: now, extra: 1 }] },
      { visitorId: 'short', events: events(1) },
    ];
    for (const body of bad) {
      const answer = await track('event', body);
      expect(answer.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    expect(await analyticsCollection(t.app, 'userevents').countDocuments({ visitorId: visitor })).toBe(0);
  });

  it('upserts a visitor by id: first-seen details kept once, the address only as its network, linked when signed in', async () => {
    const visitor = visitorId();
    const first = await track('visitor', {
      visitorId: visitor,
      referrer: 'https://news.example.com/',
      utm: { source: 'news', campaign: 'winter' },
      locale: 'en-GB',
      screen: { width: 1440, height: 900 },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ visitorId: visitor, isNew: true });
    const again = await t
      .http()
      .post('/api/analytics/track/visitor')
      .set(bearer(user))
      .send({ visitorId: visitor, referrer: 'https://elsewhere.example.com/' });
    expect(again.body).toEqual({ visitorId: visitor, isNew: false });

    const stored = await analyticsCollection(t.app, 'visitors').find({ visitorId: visitor }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      referrer: 'https://news.example.com/',
      utm: { source: 'news', campaign: 'winter' },
      locale: 'en-GB',
    });
    expect(stored[0].userId.toString()).toBe(user.id);
    expect(stored[0].ipNetwork).toMatch(/(\.0|::)$/);
    expect(JSON.stringify(stored[0])).not.toContain('127.0.0.1');

    expect((await track('visitor', { visitorId: 'has spaces in it' })).status).toBe(400);
    expect((await track('visitor', { visitorId: visitor, screen: { width: 1e9, height: 1 } })).status).toBe(400);
  });

  it('starts a visit with a page view, extends it while fresh and starts another after the timeout', async () => {
    const visitor = visitorId();
    const first = await track('pageview', { visitorId: visitor, path: '/pricing?utm_source=ads&token=secret#plans', title: 'Pricing' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.newVisit).toBe(true);
    const second = await track('pageview', { visitorId: visitor, path: '/signup', durationMs: 5000, scrollDepth: 80 });
    expect(second.body).toEqual({ visitId: first.body.visitId, newVisit: false });

    const visits = analyticsCollection(t.app, 'visits');
    expect(await visits.findOne({ visitId: first.body.visitId })).toMatchObject({
      visitorId: visitor,
      entryPath: '/pricing',
      exitPath: '/signup',
      pageviews: 2,
      utm: { source: 'ads' },
    });
    const views = await analyticsCollection(t.app, 'pageviews').find({ visitorId: visitor }).toArray();
    expect(views.map((view) => view.path).sort()).toEqual(['/pricing', '/signup']);
    expect(JSON.stringify(views)).not.toContain('secret');

    // Thirty-one minutes of quiet: the next page view starts a new visit.
    await analyticsCollection(t.app, 'visitors').updateOne(
      { visitorId: visitor },
      { $set: { 'visit.lastAt': new Date(Date.now() - 31 * 60_000) } },
    );
    const later = await track('pageview', { visitorId: visitor, path: '/docs' });
    expect(later.body.newVisit).toBe(true);
    expect(later.body.visitId).not.toBe(first.body.visitId);
    expect(await visits.countDocuments({ visitorId: visitor })).toBe(2);

    expect((await track('pageview', { visitorId: visitor, path: 'no-slash' })).status).toBe(400);
    expect((await track('pageview', { visitorId: visitor, path: `/${'a'.repeat(3000)}` })).status).toBe(400);
  });

  it('starts one visit for concurrent first page views of a visitor', async () => {
    const visitor = visitorId();
    const answers = await Promise.all(Array.from({ length: 8 }, () => track('pageview', { visitorId: visitor, path: '/' })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.body.visitId)).size).toBe(1);
    expect(await analyticsCollection(t.app, 'visitors').countDocuments({ visitorId: visitor })).toBe(1);
  });
});
