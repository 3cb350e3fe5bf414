import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { ageRun, experimentModel, replayRunEffects, runReport } from '../../support/factories/lab.js';
import { notificationModel } from '../../support/factories/notifications.js';

describe('lab experiment runs', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, other, staff] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  const report = (who: TestUser, body: object) => t.http().post('/api/analytics/track/lab').set(bearer(who)).send(body);

  it('walks a run forward, answers replays with the same run, and refuses going backwards with 409', async () => {
    const run = runReport({ experimentType: 'music-generator' });
    const queued = await report(owner, run);
    expect(queued.status, JSON.stringify(queued.body)).toBe(200);
    expect(queued.body).toMatchObject({ experimentId: run.experimentId, status: 'queued', userId: owner.id, notify: false });

    const running = await report(owner, { ...run, status: 'running', tokensUsed: 100 });
    expect(running.body).toMatchObject({ status: 'running', tokensUsed: 100 });
    const progress = await report(owner, { ...run, status: 'running', tokensUsed: 250 });
    expect(progress.body.tokensUsed).toBe(250);

    const done = {
      ...run,
      status: 'succeeded',
      output: { trackUrl: 'https://cdn.example.com/t.mp3' },
      processingTime: 4200,
      tokensUsed: 900,
    };
    const succeeded = await report(owner, done);
    expect(succeeded.body).toMatchObject({ status: 'succeeded', processingTime: 4200, tokensUsed: 900 });
    expect(succeeded.body.finishedAt).toBeTruthy();
    const replay = await report(owner, done);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(succeeded.body);
    // A finished run stays as it finished, whatever a late report of the same status says.
    expect((await report(owner, { ...done, tokensUsed: 1 })).body.tokensUsed).toBe(900);

    const backwards = await report(owner, { ...run, status: 'running' });
    expect(backwards.status).toBe(409);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect((await report(owner, { ...run, experimentType: 'neural-art', status: 'succeeded' })).status).toBe(409);

    const stored = await experimentModel(t.app).findOne({ experimentId: run.experimentId }).lean();
    expect(stored!.audit.map((entry) => entry.to)).toEqual(['queued', 'running', 'succeeded']);
  });

  it('takes a free-form input holding a __proto__ or constructor.prototype key, drops those keys and sets no prototype', async () => {
    const run = runReport({ experimentType: 'neural-art' });
    for (const padding of ['', 'x'.repeat(9_000)]) {
      // Written by hand: a JavaScript object literal cannot carry a "__proto__" key into JSON.stringify.
      const experimentId = `${run.experimentId}${padding ? '-big' : ''}`;
      const body =
        `{"experimentId":"${experimentId}","experimentType":"neural-art","status":"queued","input":` +
        `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prompt":"waves","note":"${padding}"}}`;
      const answer = await t.http().post('/api/analytics/track/lab').set(bearer(owner)).set('content-type', 'application/json').send(body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const stored = await experimentModel(t.app).findOne({ experimentId }).lean();
      expect(stored!.input).toEqual({ prompt: 'waves', note: padding });
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('gives a run an id when the client sends none, and creates one run for concurrent first reports', async () => {
    const generated = await report(owner, { experimentType: 'dream-analysis', status: 'running' });
    expect(generated.body.experimentId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const run = runReport();
    const answers = await Promise.all(Array.from({ length: 6 }, () => report(owner, run)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(await experimentModel(t.app).countDocuments({ experimentId: run.experimentId })).toBe(1);
  });

  it('shows a run to its owner and staff only; staff may see but not report on it', async () => {
    const run = runReport();
    await report(owner, run);
    const path = `/api/lab/experiments/${run.experimentId}`;
    expect((await t.http().get(path).set(bearer(owner))).status).toBe(200);
    expect((await t.http().get(path).set(bearer(staff))).status).toBe(200);
    expect((await t.http().get(path).set(bearer(other))).status).toBe(404);
    expect((await report(other, { ...run, status: 'running' })).status).toBe(404);
    expect((await report(staff, { ...run, status: 'running' })).status).toBe(403);
    expect((await t.http().get('/api/lab/experiments/bad id!').set(bearer(owner))).status).toBe(400);
  });

  it('refuses unbounded or malformed reports with 400', async () => {
    const bad = [
      runReport({ experimentType: 'voice-over' as never }),
      runReport({ status: 'paused' as never }),
      runReport({ input: { text: 'x'.repeat(20_000) } }),
      runReport({ experimentId: 'no' }),
      runReport({ tokensUsed: -1 }),
      { ...runReport(), unexpected: true },
    ];
    for (const body of bad) expect((await report(owner, body)).status).toBe(400);
  });

  it('lists the caller’s history by type, status and date, newest first', async () => {
    const me = await registerUser(t);
    await report(me, runReport({ experimentType: 'neural-art', status: 'succeeded', processingTime: 1000 }));
    await report(me, runReport({ experimentType: 'neural-art', status: 'failed', error: { message: 'out of memory' } }));
    await report(me, runReport({ experimentType: 'creative-writing', status: 'queued' }));
    const all = await t.http().get('/api/lab/experiments').set(bearer(me));
    expect(all.body.total).toBe(3);
    expect(all.body.items[0].experimentType).toBe('creative-writing');
    const art = await t.http().get('/api/lab/experiments?type=neural-art&status=failed').set(bearer(me));
    expect(art.body.items.map((item: { error?: { message: string } }) => item.error?.message)).toEqual(['out of memory']);
    const future = await t
      .http()
      .get(`/api/lab/experiments?from=${new Date(Date.now() + 60_000).toISOString()}`)
      .set(bearer(me));
    expect(future.body.total).toBe(0);
    expect((await t.http().get('/api/lab/experiments?type=unknown').set(bearer(me))).status).toBe(400);
  });

  it('answers statistics per type: the caller’s, a user’s or everyone’s for staff', async () => {
    const me = await registerUser(t);
    await report(me, runReport({ experimentType: 'neural-art', status: 'succeeded', processingTime: 1000, tokensUsed: 10 }));
    await report(me, runReport({ experimentType: 'neural-art', status: 'succeeded', processingTime: 3000, tokensUsed: 30 }));
    await report(me, runReport({ experimentType: 'neural-art', status: 'failed', tokensUsed: 5 }));
    await report(me, runReport({ experimentType: 'emotion-analysis', status: 'running' }));
    const mine = await t.http().get('/api/lab/experiments/stats').set(bearer(me));
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      userId: me.id,
      runs: 4,
      tokensUsed: 45,
      byType: [
        {
          experimentType: 'emotion-analysis',
          runs: 1,
          succeeded: 0,
          failed: 0,
          successRate: null,
          averageProcessingTime: null,
          tokensUsed: 0,
        },
        { experimentType: 'neural-art', runs: 3, succeeded: 2, failed: 1, successRate: 2 / 3, averageProcessingTime: 2000, tokensUsed: 45 },
      ],
    });
    expect((await t.http().get(`/api/lab/experiments/stats?userId=${me.id}`).set(bearer(staff))).body).toEqual(mine.body);
    const global = await t.http().get('/api/lab/experiments/stats').set(bearer(staff));
    expect(global.body.userId).toBeNull();
    expect(global.body.runs).toBeGreaterThan(4);
    expect((await t.http().get(`/api/lab/experiments/stats?userId=${me.id}`).set(bearer(other))).status).toBe(403);
  });

  it('notifies the owner once when a long run marked notify finishes, even if the effect is delivered twice', async () => {
    const run = runReport({ experimentType: 'future-prediction', notify: true });
    await report(owner, run);
    await ageRun(t.app, run.experimentId!, 5 * 60_000);
    await report(owner, { ...run, status: 'succeeded' });
    const relay = t.app.get(EffectsRelay);
    await replayRunEffects(t.app, run.experimentId!);
    await relay.sweep();
    const notices = await notificationModel(t.app).find({ userId: owner.id, type: 'lab-experiment' }).lean();
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toContain('future-prediction');

    const quick = runReport({ notify: true });
    await report(owner, { ...quick, status: 'succeeded', processingTime: 200 });
    expect(await notificationModel(t.app).countDocuments({ userId: owner.id, type: 'lab-experiment' })).toBe(1);
  });
});
