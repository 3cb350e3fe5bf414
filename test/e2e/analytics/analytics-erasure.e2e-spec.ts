import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { analyticsCollection, events, recorderOf, visitorId } from '../../support/factories/analytics.js';
import { runReport } from '../../support/factories/lab.js';

const TRACKED = ['visitors', 'visits', 'pageviews', 'userevents', 'chatinteractions', 'toolusages', 'userbehaviors', 'performancemetrics'];

describe('a deleted account’s tracking and lab runs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** A visitor that browsed anonymously, then signed in as `user`, with a page view, events of every stream, a lab run and API calls. */
  async function track(user: TestUser): Promise<string> {
    const visitor = visitorId();
    const post = (path: string, body: object, who?: TestUser) =>
      (who ? t.http().post(path).set(bearer(who)) : t.http().post(path)).send(body);
    expect((await post('/api/analytics/track/pageview', { visitorId: visitor, path: '/before-sign-in' })).status).toBe(200);
    expect((await post('/api/analytics/track/visitor', { visitorId: visitor }, user)).status).toBe(200);
    expect((await post('/api/analytics/track/pageview', { visitorId: visitor, path: '/pricing' }, user)).status).toBe(200);
    const streams = ['button.clicked', 'chat.message_sent', 'tool.used', 'behavior.scroll_depth', 'perf.page_load'];
    const batch = streams.flatMap((name) => events(1, name, name === 'tool.used' ? { toolId: 'summarizer' } : { value: 1 }));
    expect((await post('/api/analytics/track/event', { visitorId: visitor, events: batch }, user)).status).toBe(202);
    expect((await post('/api/analytics/track/lab', runReport(), user)).status).toBe(200);
    expect((await t.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
    return visitor;
  }

  it('removes everything linked to the account or its visitors, and only that', async () => {
    const leaving = await registerUser(t);
    const staying = await registerUser(t);
    const [gone, kept] = [await track(leaving), await track(staying)];
    await recorderOf(t.app).flush();
    const count = (collection: string, filter: object) => analyticsCollection(t.app, collection).countDocuments(filter);
    const byUser = (user: TestUser) => ({ userId: new Types.ObjectId(user.id) });
    expect(await count('apiusages', byUser(leaving))).toBeGreaterThan(0);
    expect(await count('labexperiments', byUser(leaving))).toBe(1);
    for (const collection of TRACKED) expect(await count(collection, { visitorId: gone }), collection).toBeGreaterThan(0);

    expect((await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password })).status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    // Whatever the recorder still buffers is written now: the deletion call itself must not bring the account back.
    await recorderOf(t.app).flush();

    for (const collection of TRACKED) {
      expect(await count(collection, { visitorId: gone }), collection).toBe(0);
      expect(await count(collection, byUser(leaving)), collection).toBe(0);
      expect(await count(collection, { visitorId: kept }), collection).toBeGreaterThan(0);
    }
    expect(await count('apiusages', byUser(leaving))).toBe(0);
    expect(await count('labexperiments', byUser(leaving))).toBe(0);
    expect(await count('apiusages', byUser(staying))).toBeGreaterThan(0);
    expect(await count('labexperiments', byUser(staying))).toBe(1);
  });
});
