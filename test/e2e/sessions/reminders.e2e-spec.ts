import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { SessionNoShowJob } from '../../../src/modules/sessions/jobs/session-no-show.job.js';
import { SessionRemindersJob } from '../../../src/modules/sessions/jobs/session-reminders.job.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { registerUser, type TestUser } from '../../support/auth.js';
import { learningSessionModel, replaySessionEffects, sessionInState } from '../../support/factories/session-effects.js';

/** Two instances of the API on one database, as two replicas: each reminder and each no-show happens once. */
describe('session reminders and no-shows across two instances', () => {
  let first: TestApp;
  let second: TestApp;
  let teacher: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp();
    [teacher, learner] = await Promise.all([registerUser(first), registerUser(first)]);
  });
  afterAll(async () => {
    await second?.close({ dropDatabase: false });
    await first?.close();
  });

  const reminders = (userId: string, sessionId: string) =>
    first.connection
      .collection('notifications')
      .countDocuments({ userId: new Types.ObjectId(userId), type: 'learning-session', 'actions.url': { $regex: sessionId } });
  const emails = (to: string) => first.connection.collection('emailqueue').countDocuments({ to, template: 'learning-session-reminder' });
  const bothTicks = async () => {
    const [a, b] = await Promise.all([first.app.get(SessionRemindersJob).run(), second.app.get(SessionRemindersJob).run()]);
    return a.items + b.items;
  };
  const sweepBoth = () => Promise.all([first.app.get(EffectsRelay).sweep(), second.app.get(EffectsRelay).sweep()]);

  it('reminds both participants once a day ahead and once 15 minutes ahead, whichever instance ticks', async () => {
    const emailsBefore = [await emails(teacher.email), await emails(learner.email)];
    const session = await sessionInState(first.app, { teacherId: teacher.id, learnerId: learner.id, startInMinutes: 23 * 60 });
    const id = session._id.toString();

    expect(await bothTicks()).toBe(1);
    expect(await bothTicks()).toBe(0);
    await sweepBoth();
    expect([await reminders(teacher.id, id), await reminders(learner.id, id)]).toEqual([1, 1]);

    // Fifteen minutes before the start: the second kind, once.
    await learningSessionModel(first.app).updateOne(
      { _id: session._id },
      { $set: { 'schedule.startTime': new Date(Date.now() + 10 * 60_000), 'schedule.endTime': new Date(Date.now() + 70 * 60_000) } },
    );
    expect(await bothTicks()).toBe(1);
    await replaySessionEffects(first.app, id);
    await sweepBoth();
    expect(await bothTicks()).toBe(0);

    expect([await reminders(teacher.id, id), await reminders(learner.id, id)]).toEqual([2, 2]);
    expect([await emails(teacher.email), await emails(learner.email)]).toEqual([emailsBefore[0] + 2, emailsBefore[1] + 2]);
    expect((await learningSessionModel(first.app).findById(id).lean())!.remindersSent.sort()).toEqual(['15m', '24h']);
  });

  it('reminds nobody of a session that is not scheduled any more, or that is further than a day away', async () => {
    const cancelled = await sessionInState(first.app, {
      teacherId: teacher.id,
      learnerId: learner.id,
      startInMinutes: 60,
      status: 'cancelled',
    });
    const later = await sessionInState(first.app, { teacherId: teacher.id, learnerId: learner.id, startInMinutes: 25 * 60 });
    await bothTicks();
    for (const session of [cancelled, later])
      expect((await learningSessionModel(first.app).findById(session._id).lean())!.remindersSent).toEqual([]);
  });

  it('moves a session nobody started to no_show once, naming who was absent, and leaves a started one alone', async () => {
    const oneJoined = await sessionInState(first.app, {
      teacherId: teacher.id,
      learnerId: learner.id,
      startInMinutes: -20,
      joined: { learner: true },
    });
    const nobody = await sessionInState(first.app, { teacherId: teacher.id, learnerId: learner.id, startInMinutes: -30 });
    const withinGrace = await sessionInState(first.app, { teacherId: teacher.id, learnerId: learner.id, startInMinutes: -5 });
    const started = await sessionInState(first.app, {
      teacherId: teacher.id,
      learnerId: learner.id,
      startInMinutes: -40,
      status: 'ongoing',
    });

    const [a, b] = await Promise.all([first.app.get(SessionNoShowJob).run(), second.app.get(SessionNoShowJob).run()]);
    expect(a.items + b.items).toBe(2);
    expect((await first.app.get(SessionNoShowJob).run()).items).toBe(0);

    const read = (id: Types.ObjectId) => learningSessionModel(first.app).findById(id).lean();
    const closed = (await read(oneJoined._id))!;
    expect(closed).toMatchObject({ status: 'no_show', absentees: ['teacher'] });
    expect(closed.audit.filter((entry) => entry.to === 'no_show')).toHaveLength(1);
    expect(closed.audit.at(-1)).toMatchObject({ from: 'scheduled', to: 'no_show', source: 'job' });
    expect(await read(nobody._id)).toMatchObject({ status: 'no_show', absentees: ['teacher', 'learner'] });
    expect((await read(withinGrace._id))!.status).toBe('scheduled');
    expect((await read(started._id))!.status).toBe('ongoing');
  });

  it('closes a session both joined but nobody started once its booked end passed, the teacher absent', async () => {
    const both = { teacher: true, learner: true };
    const over = await sessionInState(first.app, { teacherId: teacher.id, learnerId: learner.id, startInMinutes: -90, joined: both });
    const running = await sessionInState(first.app, { teacherId: teacher.id, learnerId: learner.id, startInMinutes: -20, joined: both });
    expect((await first.app.get(SessionNoShowJob).run()).items).toBe(1);
    const read = (id: Types.ObjectId) => learningSessionModel(first.app).findById(id).lean();
    expect(await read(over._id)).toMatchObject({ status: 'no_show', absentees: ['teacher'] });
    expect((await read(running._id))!.status).toBe('scheduled');
  });
});
