import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay, owedEffects } from '../../../src/core/events/index.js';
import type { SkillStandingEvent, TeacherStandingEvent } from '../../../src/modules/sessions/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { learningSessionModel, replaySessionEffects, sessionInState } from '../../support/factories/session-effects.js';

describe('feedback on a learning session', () => {
  let t: TestApp;
  let teacher: TestUser;
  let learner: TestUser;
  let other: TestUser;
  let staff: TestUser;
  const skillId = new Types.ObjectId().toString();
  // What listeners of the standing events heard, as the leaderboards and the skill statistics would.
  const teacherStandings: TeacherStandingEvent[] = [];
  const skillStandings: SkillStandingEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    [teacher, learner, other, staff] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
    const relay = t.app.get(EffectsRelay);
    relay.on('sessions.teacher-standing', 'standing-probe', async (event) => void teacherStandings.push(event));
    relay.on('sessions.skill-standing', 'standing-probe', async (event) => void skillStandings.push(event));
  });
  afterAll(() => t?.close());

  const completed = () =>
    sessionInState(t.app, { teacherId: teacher.id, learnerId: learner.id, skillId, status: 'completed', startInMinutes: -180 });
  const rate = (user: TestUser, id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/sessions/${id}/feedback`).set(bearer(user)).send(body);

  it('takes feedback from the two participants only, and only once the session is completed', async () => {
    const session = await completed();
    const id = session._id.toString();
    expect((await t.http().post(`/api/sessions/${id}/feedback`).send({ rating: 5 })).status).toBe(401);
    expect((await rate(other, id, { rating: 5 })).status).toBe(404);
    expect((await rate(staff, id, { rating: 5 })).status).toBe(403);
    expect((await rate(learner, new Types.ObjectId().toString(), { rating: 5 })).status).toBe(404);

    for (const body of [{ rating: 6 }, { rating: 0 }, { rating: 4.5 }, { rating: '5' }, {}, { rating: 3, comment: 'x'.repeat(2001) }]) {
      const refused = await rate(learner, id, body);
      expect([refused.status, refused.headers['content-type']], JSON.stringify(body)).toEqual([
        400,
        expect.stringContaining('problem+json'),
      ]);
    }

    const upcoming = await sessionInState(t.app, { teacherId: teacher.id, learnerId: learner.id, skillId, startInMinutes: 60 });
    const early = await rate(learner, upcoming._id.toString(), { rating: 5 });
    expect([early.status, early.body.type]).toEqual([409, 'urn:atrium:problem:session-not-completed']);

    const fromLearner = await rate(learner, id, { rating: 4, comment: '  Patient and clear  ' });
    expect([fromLearner.status, fromLearner.body]).toEqual([
      201,
      expect.objectContaining({ side: 'learner', rating: 4, comment: 'Patient and clear' }),
    ]);
    const fromTeacher = await rate(teacher, id, { rating: 5 });
    expect([fromTeacher.status, fromTeacher.body.side]).toEqual([201, 'teacher']);
    const again = await rate(learner, id, { rating: 1 });
    expect([again.status, again.body.type]).toEqual([409, 'urn:atrium:problem:feedback-already-given']);

    const stored = (await learningSessionModel(t.app).findById(id).lean())!;
    expect(stored.feedback.learner).toMatchObject({ rating: 4, comment: 'Patient and clear' });
    expect(stored.feedback.teacher).toMatchObject({ rating: 5 });
  });

  it('lets one of two concurrent ratings from the same side win', async () => {
    const id = (await completed())._id.toString();
    const statuses = (await Promise.all([rate(learner, id, { rating: 2 }), rate(learner, id, { rating: 3 })])).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });

  it("moves the teacher's rating and the skill's statistics through the standing events, the same after a replay", async () => {
    await t.app.get(EffectsRelay).sweep();
    const ratedBefore = (
      await learningSessionModel(t.app)
        .find({ skill: new Types.ObjectId(skillId) })
        .lean()
    ).filter((session) => session.feedback?.learner);
    const id = (await completed())._id.toString();
    teacherStandings.length = 0;
    skillStandings.length = 0;
    expect((await rate(learner, id, { rating: 5 })).status).toBe(201);
    await t.app.get(EffectsRelay).sweep();

    const ratings = [...ratedBefore.map((session) => session.feedback.learner!.rating), 5];
    const mean = Math.round((ratings.reduce((sum, r) => sum + r, 0) / ratings.length) * 100) / 100;
    const completedCount = await learningSessionModel(t.app).countDocuments({ skill: new Types.ObjectId(skillId), status: 'completed' });
    expect(teacherStandings).toEqual([
      expect.objectContaining({
        teacherId: teacher.id,
        teacherRating: mean,
        teacherRatingCount: ratings.length,
        sessionsTaught: completedCount,
      }),
    ]);
    expect(skillStandings).toEqual([
      expect.objectContaining({
        ratedSkillId: skillId,
        skillRating: mean,
        skillRatingCount: ratings.length,
        completedSessions: completedCount,
      }),
    ]);
    // The teachers' leaderboards keep the standing: its owed effect to learning ran to success.
    const effects = (await learningSessionModel(t.app).findById(id).lean())!.effects ?? [];
    expect(effects.find((effect) => effect.name === 'sessions.teacher-standing>learning')).toMatchObject({ state: 'done' });

    const owedBefore = effects.length;
    await replaySessionEffects(t.app, id);
    await t.app.get(EffectsRelay).sweep();
    expect((await learningSessionModel(t.app).findById(id).lean())!.effects).toHaveLength(owedBefore);
  });

  it('asks both participants for feedback once when a session completes, however often the notice is delivered', async () => {
    const session = await completed();
    const relay = t.app.get(EffectsRelay);
    const notice = {
      sessionId: session._id.toString(),
      skillId,
      skillName: 'Watercolour',
      teacherId: teacher.id,
      learnerId: learner.id,
      sessionStartsAt: session.schedule.startTime.toISOString(),
      sessionEndsAt: session.schedule.endTime.toISOString(),
      sessionTimezone: 'Europe/Berlin',
      actorId: teacher.id,
      sessionMinutes: 60,
      sessionEndedAt: session.schedule.endTime.toISOString(),
    };
    const owed = relay.owe('sessions.session-completed', notice, `session-completed:${notice.sessionId}`);
    const model = learningSessionModel(t.app);
    await model.updateOne({ _id: session._id }, { $push: { effects: { $each: owedEffects(owed) } } });
    await relay.deliver(model, (await model.findById(session._id).lean())!);
    for (let replay = 0; replay < 2; replay++) {
      await replaySessionEffects(t.app, session._id);
      await relay.sweep();
    }
    const found = await t.connection
      .collection('notifications')
      .find({ type: 'learning-session', title: 'How was your Watercolour session?' })
      .toArray();
    expect(
      found
        .filter((n) => n.actions?.[0]?.url.endsWith(`/sessions/${notice.sessionId}/feedback`))
        .map((n) => n.userId.toString())
        .sort(),
    ).toEqual([teacher.id, learner.id].sort());
    const emails = await t.connection
      .collection('emailqueue')
      .countDocuments({ to: learner.email, template: 'learning-session-completed' });
    expect(emails).toBe(1);
  });
  it('cancels a deleted account’s upcoming sessions, tells the other side, and strips its words from past ones', async () => {
    const leaving = await registerUser(t);
    const upcoming = await sessionInState(t.app, {
      teacherId: teacher.id,
      learnerId: leaving.id,
      skillId,
      startInMinutes: 3 * 60,
      notes: 'About glazes',
    });
    const past = await sessionInState(t.app, {
      teacherId: teacher.id,
      learnerId: leaving.id,
      skillId,
      status: 'completed',
      startInMinutes: -300,
      notes: 'About washes',
    });
    expect((await rate(leaving, past._id.toString(), { rating: 3, comment: 'Too fast for me' })).status).toBe(201);
    expect((await rate(teacher, past._id.toString(), { rating: 4, comment: 'Keen learner' })).status).toBe(201);

    const deleted = await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password });
    expect(deleted.status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    await t.app.get(EffectsRelay).sweep();

    const cancelled = (await learningSessionModel(t.app).findById(upcoming._id).lean())!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancellation).toMatchObject({
      cancelledBy: new Types.ObjectId(leaving.id),
      reason: expect.stringContaining('deleted'),
    });
    expect(cancelled.notes).toBeUndefined();
    const told = await t.connection
      .collection('notifications')
      .find({ type: 'learning-session', 'actions.url': { $regex: `/sessions/${upcoming._id.toString()}$` } })
      .toArray();
    expect(told.map((notification) => notification.userId.toString())).toEqual([teacher.id]);

    const erased = (await learningSessionModel(t.app).findById(past._id).lean())!;
    expect(erased.feedback.learner).toMatchObject({ rating: 3 });
    expect(erased.feedback.learner!.comment).toBeUndefined();
    expect(erased.feedback.teacher).toMatchObject({ rating: 4, comment: 'Keen learner' });
    expect(erased.notes).toBeUndefined();
  });
});
