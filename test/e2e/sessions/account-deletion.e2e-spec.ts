import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer } from '../../support/auth.js';
import { bookedSession, sessionModel } from '../../support/factories/sessions.js';

describe('a deleted account cancels its live sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  async function statusOf(id: string, until: string): Promise<string | undefined> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const status = (await sessionModel(t.app).findById(id).lean())?.status;
      if (status === until) return status;
      await sleep(100);
    }
    return (await sessionModel(t.app).findById(id).lean())?.status;
  }

  it('cancels both a booked and an already started session of the leaving learner', async () => {
    const first = await bookedSession(t);
    const second = await bookedSession(t, { learner: first.learner, startInMinutes: 2 * 24 * 60 });
    expect((await t.http().post(`/api/sessions/${first.id}/start`).set(bearer(first.teacher)).send({})).status).toBe(200);
    const deleted = await t.http().delete('/api/users/me').set(bearer(first.learner)).send({ password: first.learner.password });
    expect(deleted.status).toBe(204);
    expect(await statusOf(first.id, 'cancelled')).toBe('cancelled');
    expect(await statusOf(second.id, 'cancelled')).toBe('cancelled');
  });
});
