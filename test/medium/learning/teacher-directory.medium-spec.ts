import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LearnerProfilesRepository } from '../../../src/modules/learning/learner-profiles.repository.js';
import { ProfilesService } from '../../../src/modules/learning/profiles.service.js';
import { TeacherDirectory } from '../../../src/modules/learning/teacher-directory.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { available, catalogueSkill, learnerProfileModel, teach, teaching } from '../../support/factories/learning.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the teacher directory and concurrent profile changes', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let skills: string[];

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    const staff = await account(app, 'staff');
    skills = [(await catalogueSkill(app, staff)).id, (await catalogueSkill(app, staff)).id];
  });
  afterAll(() => close?.());

  it('answers a teacher’s offer and availability, and whether a span fits a window in their zone across DST', async () => {
    const teacher = await account(app);
    const directory = app.get(TeacherDirectory);
    expect(await directory.teachingOffer(teacher.id, skills[0])).toBeUndefined();
    expect(await directory.availability(teacher.id)).toBeUndefined();
    expect(await directory.isAvailable(teacher.id, new Date('2026-03-29T00:30:00Z'), new Date('2026-03-29T01:30:00Z'))).toBe(false);

    await teach(app, teacher, [
      teaching(skills[0], { level: 'expert', hourlyRate: { amount: 3000, currency: 'GBP' }, yearsOfExperience: 7 }),
    ]);
    await available(app, teacher, { timezone: 'Europe/Berlin', slots: [{ day: 0, start: '01:00', end: '05:00' }] });
    expect(await directory.teachingOffer(teacher.id, skills[0])).toEqual({
      level: 'expert',
      hourlyRate: { amount: 3000, currency: 'GBP' },
      yearsOfExperience: 7,
      verified: false,
    });
    expect(await directory.teachingOffer(teacher.id, skills[1])).toBeUndefined();
    expect(await directory.teachingOffer('not-an-id', skills[1])).toBeUndefined();
    expect(await directory.availability(teacher.id)).toEqual({
      timezone: 'Europe/Berlin',
      slots: [{ day: 0, start: '01:00', end: '05:00' }],
    });
    // The night the clocks go forward: 00:30Z–02:30Z reads 01:30–04:30 on the wall, inside the window.
    expect(await directory.isAvailable(teacher.id, new Date('2026-03-29T00:30:00Z'), new Date('2026-03-29T02:30:00Z'))).toBe(true);
    expect(await directory.isAvailable(teacher.id, new Date('2026-03-29T01:30:00Z'), new Date('2026-03-29T03:30:00Z'))).toBe(false);
  });

  it('makes one profile for a user’s first changes at once, and lets concurrent replacements win one at a time', async () => {
    const user = await account(app);
    const service = app.get(ProfilesService);
    const ctx = contextOf(user);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => service.replaceTeaching(ctx, { skills: [teaching(skills[index % 2])] })),
    );
    expect(await learnerProfileModel(app).countDocuments({ userId: new Types.ObjectId(user.id) })).toBe(1);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toBeGreaterThan(0);
    for (const outcome of lost) expect((outcome as PromiseRejectedResult).reason).toMatchObject({ slug: 'profile-changed' });
    const profile = await learnerProfileModel(app)
      .findOne({ userId: new Types.ObjectId(user.id) })
      .lean();
    // Each winner moved the revision once; the list is one whole replacement, never a mix.
    expect(profile?.revision).toBe(won);
    expect(profile?.teachingSkills).toHaveLength(1);
  });
});

describe('verifying a teaching skill as staff saw it', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it('lands only on the revision read, and bumps the revision so a stale replacement starts again', async () => {
    const staff = await account(app, 'staff');
    const skill = (await catalogueSkill(app, staff)).id;
    const teacher = await account(app);
    await teach(app, teacher, [teaching(skill, { level: 'advanced' })]);
    const repository = app.get(LearnerProfilesRepository);
    const read = (await repository.findByUser(teacher.id))!;
    const at = new Date();
    // A revision that moved on (the teacher changed the list, levels included) verifies nothing.
    expect(await repository.verify(teacher.id, { skillId: skill, revision: read.revision + 1 }, staff.id, at)).toBeNull();
    const verified = await repository.verify(teacher.id, { skillId: skill, revision: read.revision }, staff.id, at);
    expect(verified?.teachingSkills[0].verification?.isVerified).toBe(true);
    expect(verified?.revision).toBe(read.revision + 1);
    expect(
      (
        await learnerProfileModel(app)
          .findOne({ userId: new Types.ObjectId(teacher.id) })
          .lean()
      )?.revision,
    ).toBe(read.revision + 1);
  });
});
