import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transition } from '../../../src/core/lifecycle/index.js';
import { sessionLifecycle } from '../../../src/modules/sessions/session.lifecycle.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, type TestUser } from '../../support/auth.js';
import { bookedSession, sessionModel } from '../../support/factories/sessions.js';

describe('session moves compare-and-set on the status they validated', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const act = (id: string, action: string, user: TestUser) => t.http().post(`/api/sessions/${id}/${action}`).set(bearer(user)).send({});
  const origin = { trigger: 'participant' as const, source: 'api' };

  it('a repeated start is 409 and leaves a paused session paused', async () => {
    const { id, teacher } = await bookedSession(t);
    expect((await act(id, 'start', teacher)).status).toBe(200);
    const again = await act(id, 'start', teacher);
    expect(again.status).toBe(409);
    expect((await act(id, 'pause', teacher)).status).toBe(200);
    expect((await act(id, 'start', teacher)).status).toBe(409);
    expect((await sessionModel(t.app).findById(id).lean())!.status).toBe('paused');
  });

  it('a start validated on a scheduled read does not move a session that was paused meanwhile', async () => {
    const { id, teacher } = await bookedSession(t);
    expect((await act(id, 'start', teacher)).status).toBe(200);
    expect((await act(id, 'pause', teacher)).status).toBe(200);
    const stale = transition(sessionModel(t.app), sessionLifecycle, {
      id: new Types.ObjectId(id),
      to: 'ongoing',
      origin,
      expectedFrom: 'scheduled',
    });
    await expect(stale).rejects.toMatchObject({ status: 409 });
    const stored = await sessionModel(t.app).findById(id).lean();
    expect([stored!.status, stored!.audit.map((entry) => entry.to)]).toEqual(['paused', ['scheduled', 'ongoing', 'paused']]);
  });

  it('without expectedFrom a move to the current state stays a no-op for other callers', async () => {
    const { id } = await bookedSession(t);
    const result = await transition(sessionModel(t.app), sessionLifecycle, { id: new Types.ObjectId(id), to: 'scheduled', origin });
    expect([result.moved, result.document.status]).toEqual([false, 'scheduled']);
  });
});
