import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { SESSIONS_TO_SEED, seedSessions } from '../../../src/cli/seeders/sessions.seeder.js';
import type { LearningSession } from '../../../src/modules/sessions/schemas/learning-session.schema.js';
import { SESSION_STATUSES, sessionLifecycle } from '../../../src/modules/sessions/session.lifecycle.js';
import { account } from '../../support/factories/identity.js';
import { learningSessionModel } from '../../support/factories/session-effects.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the sessions seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    await Promise.all(Array.from({ length: 12 }, () => account(app)));
    // Active skills as the catalogue's seed leaves them; the seeder reads only their ids and status.
    const skills = Array.from({ length: 6 }, (_, i) => ({
      _id: new Types.ObjectId(),
      name: `Seed skill ${i}`,
      slug: `seed-skill-${i}`,
      status: 'active',
    }));
    await app.get<Connection>(getConnectionToken()).collection('skills').insertMany(skills);
  });
  afterAll(() => close?.());

  it('seeds sessions in every status that follow the lifecycle, and adds nothing on a rerun', { timeout: 180_000 }, async () => {
    const progress = new SeedProgress();
    const inserted = await seedSessions(app, progress);
    expect(inserted).toBe(SESSIONS_TO_SEED);
    expect(await seedSessions(app, progress)).toBe(0);
    const sessions = await learningSessionModel(app).find().lean<LearningSession[]>();
    expect(sessions).toHaveLength(SESSIONS_TO_SEED);

    expect([...new Set(sessions.map((session) => session.status))].sort()).toEqual([...SESSION_STATUSES].sort());
    // The teachers' and skills' standings were published, as the leaderboards and skill statistics hear them.
    expect(await learningSessionModel(app).countDocuments({ 'effects.name': 'sessions.teacher-standing>learning' })).toBeGreaterThan(0);
    const now = Date.now();
    for (const session of sessions) {
      expect(session.participants.teacher.equals(session.participants.learner)).toBe(false);
      expect(session.schedule.endTime.getTime()).toBeGreaterThan(session.schedule.startTime.getTime());
      // Every recorded move is one the lifecycle allows, ending in the session's status.
      for (const entry of session.audit.slice(1)) expect(sessionLifecycle.canMove(entry.from!, entry.to)).toBe(true);
      expect(session.audit.at(-1)!.to).toBe(session.status);
      if (session.status === 'scheduled') expect(session.schedule.startTime.getTime()).toBeGreaterThan(now);
      if (session.feedback?.learner) expect(session.status).toBe('completed');
      if (session.status === 'no_show') expect(session.absentees?.length).toBeGreaterThan(0);
    }
    // Nobody is in two sessions at once: the seeded calendar keeps the rule bookings keep.
    const byPerson = new Map<string, LearningSession[]>();
    for (const session of sessions)
      for (const person of [session.participants.teacher, session.participants.learner])
        byPerson.set(person.toString(), [...(byPerson.get(person.toString()) ?? []), session]);
    for (const [person, own] of byPerson) {
      const ordered = own.sort((a, b) => a.schedule.startTime.getTime() - b.schedule.startTime.getTime());
      for (let i = 1; i < ordered.length; i++)
        expect(ordered[i].schedule.startTime.getTime(), person).toBeGreaterThanOrEqual(ordered[i - 1].schedule.endTime.getTime());
    }
  });
});
