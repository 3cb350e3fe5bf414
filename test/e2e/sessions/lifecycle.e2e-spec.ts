import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../src/modules/sessions/session.lifecycle.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { activeSkill, book, sessionModel, shiftSchedule, teacherOf } from '../../support/factories/sessions.js';

const ACTIONS = ['start', 'pause', 'resume', 'end', 'cancel', 'reschedule'] as const;
type Action = (typeof ACTIONS)[number];

/** What the teacher may do in each state; everything else is the lifecycle's 409. */
const ALLOWED: Record<SessionStatus, readonly Action[]> = {
  scheduled: ['start', 'cancel', 'reschedule'],
  ongoing: ['pause', 'end'],
  paused: ['resume', 'end'],
  completed: [],
  cancelled: [],
  no_show: [],
};
const REACHED: Record<Action, SessionStatus> = {
  start: 'ongoing',
  pause: 'paused',
  resume: 'ongoing',
  end: 'completed',
  cancel: 'cancelled',
  reschedule: 'scheduled',
};

describe('session lifecycle through the API, pair by pair', () => {
  let t: TestApp;
  let staff: TestUser;
  let teacher: TestUser;
  let learner: TestUser;
  let skillId: string;
  let slot = 0;
  let moveSlot = 0;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    skillId = await activeSkill(t.app);
    teacher = await teacherOf(t, skillId);
    learner = await registerUser(t);
  });
  afterAll(() => t?.close());

  const act = (id: string, action: Action, user: TestUser = teacher) => {
    const body =
      action === 'reschedule' ? { startTime: new Date(Date.now() + (500 + moveSlot++) * 86_400_000).toISOString(), reason: 'Clash' } : {};
    return t.http().post(`/api/sessions/${id}/${action}`).set(bearer(user)).send(body);
  };

  /** A fresh session in `state`: booked on a day of its own, then brought to start in two minutes and moved there. */
  async function sessionIn(state: SessionStatus): Promise<string> {
    const booked = await book(t, learner, teacher.id, skillId, { startInMinutes: (slot++ + 1) * 24 * 60, durationMinutes: 30 });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const id = booked.body.id as string;
    await shiftSchedule(t.app, id, 2);
    const path: Record<SessionStatus, Action[]> = {
      scheduled: [],
      ongoing: ['start'],
      paused: ['start', 'pause'],
      completed: ['start', 'end'],
      cancelled: ['cancel'],
      no_show: [],
    };
    for (const step of path[state]) expect((await act(id, step)).status).toBe(200);
    // No-show is the system's move (its job); here it is set the way the job leaves it.
    if (state === 'no_show') await sessionModel(t.app).updateOne({ _id: new Types.ObjectId(id) }, { $set: { status: 'no_show' } });
    return id;
  }

  for (const state of Object.keys(ALLOWED) as SessionStatus[]) {
    it(`from ${state}: ${ALLOWED[state].join(', ') || 'nothing'} allowed, every other move 409`, async () => {
      for (const action of ACTIONS) {
        const id = await sessionIn(state);
        const response = await act(id, action);
        if (ALLOWED[state].includes(action)) {
          expect(response.status, `${state} ${action}: ${JSON.stringify(response.body)}`).toBe(200);
          expect(response.body.status).toBe(REACHED[action]);
        } else {
          expect(response.status, `${state} ${action}: ${JSON.stringify(response.body)}`).toBe(409);
          expect(response.body.type).toBe('urn:atrium:problem:illegal-transition');
          expect((await sessionModel(t.app).findById(id).lean())!.status).toBe(state);
        }
      }
    });
  }

  it('records the real start, the pauses and the held minutes, and owes the completion notice', async () => {
    const id = await sessionIn('ongoing');
    expect((await act(id, 'pause')).body.activity.pausedAt).toBeDefined();
    await sessionModel(t.app).updateOne(
      { _id: new Types.ObjectId(id) },
      { $set: { 'activity.pausedAt': new Date(Date.now() - 7 * 60_000) } },
    );
    const resumed = await act(id, 'resume');
    expect([resumed.body.activity.pausedMinutes, resumed.body.activity.pausedAt]).toEqual([7, undefined]);
    await sessionModel(t.app).updateOne(
      { _id: new Types.ObjectId(id) },
      { $set: { 'activity.actualStartTime': new Date(Date.now() - 40 * 60_000) } },
    );
    const ended = await act(id, 'end');
    expect(ended.body.status).toBe('completed');
    expect(ended.body.activity.actualEndTime).toBeDefined();
    const stored = await sessionModel(t.app).findById(id).lean();
    expect(stored!.activity.heldMinutes).toBe(33);
    const owed = (stored!.effects ?? []).map((effect) => effect.name);
    expect(
      owed.some((name) => name.startsWith('sessions.session-completed>')),
      owed.join(', '),
    ).toBe(true);
    expect(
      owed.some((name) => name.startsWith('sessions.session-booked>')),
      owed.join(', '),
    ).toBe(true);
    expect(stored!.audit.map((entry) => `${entry.from}→${entry.to}`)).toEqual([
      'null→scheduled',
      'scheduled→ongoing',
      'ongoing→paused',
      'paused→ongoing',
      'ongoing→completed',
    ]);
  });

  it('lets only the teacher conduct (the learner and staff 403), and hides the session from anyone else (404)', async () => {
    const id = await sessionIn('scheduled');
    const stranger = await registerUser(t);
    for (const action of ['start', 'pause', 'resume', 'end'] as const) {
      expect((await act(id, action, learner)).status, `learner ${action}`).toBe(403);
      expect((await act(id, action, staff)).status, `staff ${action}`).toBe(403);
      expect((await act(id, action, stranger)).status, `stranger ${action}`).toBe(404);
    }
    expect((await t.http().get(`/api/sessions/${id}`).set(bearer(stranger))).status).toBe(404);
    expect((await t.http().get(`/api/sessions/${id}`).set(bearer(learner))).body.myRole).toBe('learner');
    expect((await sessionModel(t.app).findById(id).lean())!.status).toBe('scheduled');
  });

  it('starts no earlier than the lead time before the booked start (409 before)', async () => {
    const booked = await book(t, learner, teacher.id, skillId, { startInMinutes: (slot++ + 1) * 24 * 60 });
    const early = await act(booked.body.id, 'start');
    expect([early.status, early.body.type]).toEqual([409, 'urn:atrium:problem:start-too-early']);
    await shiftSchedule(t.app, booked.body.id, 9);
    expect((await act(booked.body.id, 'start')).status).toBe(200);
  });

  it('cancellation: a participant before the start (with the reason kept), not after; staff also while it runs', async () => {
    const early = await sessionIn('scheduled');
    const cancelled = await act(early, 'cancel', learner).send({ reason: 'Ill' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancellation).toMatchObject({ cancelledBy: learner.id, reason: 'Ill' });

    const late = await sessionIn('scheduled');
    await shiftSchedule(t.app, late, -1);
    const refused = await act(late, 'cancel', learner);
    expect([refused.status, refused.body.type]).toEqual([409, 'urn:atrium:problem:cancel-too-late']);
    expect((await act(late, 'cancel', teacher)).status).toBe(409);
    const stranger = await registerUser(t);
    expect((await act(late, 'cancel', stranger)).status).toBe(404);
    expect((await act(late, 'cancel', staff)).status).toBe(200);

    const running = await sessionIn('paused');
    expect((await act(running, 'cancel', learner)).status).toBe(409);
    const byStaff = await act(running, 'cancel', staff);
    expect([byStaff.status, byStaff.body.status, byStaff.body.cancellation.cancelledBy]).toEqual([200, 'cancelled', staff.id]);
    expect((await act(running, 'cancel', staff)).status).toBe(409);
  });

  it('rescheduling keeps every move in the history, checks overlaps excluding itself, and stops after 20 moves', async () => {
    const id = await sessionIn('scheduled');
    const before = (await sessionModel(t.app).findById(id).lean())!.schedule;
    const to = new Date(Date.now() + 400 * 86_400_000);
    const moved = await t
      .http()
      .post(`/api/sessions/${id}/reschedule`)
      .set(bearer(learner))
      .send({ startTime: to.toISOString(), reason: 'Travel' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect([moved.body.startTime, moved.body.durationMinutes]).toEqual([to.toISOString(), 30]);
    expect(moved.body.activity.rescheduling).toEqual([
      expect.objectContaining({ from: before.startTime.toISOString(), to: to.toISOString(), by: learner.id, reason: 'Travel' }),
    ]);
    const overlapsItself = await t
      .http()
      .post(`/api/sessions/${id}/reschedule`)
      .set(bearer(teacher))
      .send({ startTime: new Date(to.getTime() + 10 * 60_000).toISOString(), durationMinutes: 60 });
    expect(overlapsItself.status, 'its own old slot is no clash').toBe(200);

    const other = await sessionIn('scheduled');
    const clash = await t.http().post(`/api/sessions/${other}/reschedule`).set(bearer(teacher)).send({ startTime: to.toISOString() });
    expect([clash.status, clash.body.type]).toEqual([409, 'urn:atrium:problem:slot-taken']);
    const past = await t
      .http()
      .post(`/api/sessions/${other}/reschedule`)
      .set(bearer(teacher))
      .send({ startTime: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);

    await sessionModel(t.app).updateOne(
      { _id: new Types.ObjectId(id) },
      {
        $push: {
          'activity.rescheduling': {
            $each: Array.from({ length: 18 }, () => ({ from: to, to, by: new Types.ObjectId(), at: new Date() })),
          },
        },
      },
    );
    expect((await act(id, 'reschedule')).status).toBe(409);
    expect((await sessionModel(t.app).findById(id).lean())!.activity.rescheduling).toHaveLength(20);
  });
});
