import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedLearning } from '../../../src/cli/seeders/learning.seeder.js';
import { MatchingService } from '../../../src/modules/learning/matching.service.js';
import type { LearnerProfile } from '../../../src/modules/learning/schemas/learner-profile.schema.js';
import { TeacherDirectory } from '../../../src/modules/learning/teacher-directory.js';
import { isTimeZone, minutesOf, overlappingSlots } from '../../../src/modules/learning/weekly-time.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { catalogueSkill, learnerProfileModel, teach, teaching } from '../../support/factories/learning.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the learning seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let skillIds: string[];
  let staffId: string;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    staffId = (await account(app, 'staff')).id;
    for (let index = 0; index < 30; index++) await account(app);
    skillIds = [];
    for (let index = 0; index < 8; index++) skillIds.push((await catalogueSkill(app, { id: staffId })).id);
    await catalogueSkill(app, { id: staffId }, { status: 'draft' });
  });
  afterAll(() => close?.());

  it('gives members valid profiles of active skills, and adds nothing on a rerun', { timeout: 90_000 }, async () => {
    const progress = new SeedProgress();
    const inserted = await seedLearning(app, progress);
    const profiles = await learnerProfileModel(app).find().lean<LearnerProfile[]>();
    expect(inserted).toBe(30);
    expect(profiles).toHaveLength(30);
    expect(await seedLearning(app, progress)).toBe(0);
    expect(await learnerProfileModel(app).countDocuments()).toBe(30);

    const active = new Set(skillIds);
    for (const profile of profiles) {
      const taught = profile.teachingSkills.map((skill) => skill.skill.toString());
      const learnt = profile.learningSkills.map((skill) => skill.skill.toString());
      // Each skill once, in one list only, and every one active in the catalogue.
      expect(new Set([...taught, ...learnt]).size).toBe(taught.length + learnt.length);
      expect([...taught, ...learnt].every((id) => active.has(id))).toBe(true);
      for (const skill of profile.teachingSkills) {
        if (skill.hourlyRate) expect(Number.isInteger(skill.hourlyRate.amount)).toBe(true);
        if (skill.verification.isVerified) expect(skill.verification.verifiedBy?.toString()).toBe(staffId);
      }
      if (profile.availability) {
        expect(isTimeZone(profile.availability.timezone)).toBe(true);
        expect(profile.availability.slots.every((slot) => minutesOf(slot.end) > minutesOf(slot.start))).toBe(true);
        expect(overlappingSlots(profile.availability.slots)).toBeUndefined();
      }
      if (taught.length === 0) expect(profile.standing.ratingCount).toBe(0);
      expect(profile.standing.sessionsTaught).toBeGreaterThanOrEqual(profile.standing.ratingCount);
    }
    expect(profiles.some((profile) => profile.teachingSkills.some((skill) => skill.verification.isVerified))).toBe(true);
    expect(profiles.some((profile) => profile.learningSkills.length > 0)).toBe(true);
    expect(profiles.some((profile) => profile.availability)).toBe(true);
  });

  it('leaves data the services read: the directory, and a deterministic ranking of seeded teachers', async () => {
    const profiles = (await learnerProfileModel(app).find().sort({ _id: 1 }).lean<LearnerProfile[]>()).filter(
      (profile) => profile.teachingSkills.length > 0,
    );
    const teacher = profiles[0];
    const offer = await app.get(TeacherDirectory).teachingOffer(teacher.userId.toString(), teacher.teachingSkills[0].skill.toString());
    expect(offer).toMatchObject({ level: teacher.teachingSkills[0].level, verified: teacher.teachingSkills[0].verification.isVerified });

    const skillId = teacher.teachingSkills[0].skill.toString();
    const seeker = await account(app);
    const query = { skillId, from: new Date('2027-01-04T00:00:00Z'), to: new Date('2027-01-11T00:00:00Z'), limit: 50 };
    const first = await app.get(MatchingService).teachers(contextOf(seeker), query);
    const again = await app.get(MatchingService).teachers(contextOf(seeker), query);
    expect(first.items.length).toBe(
      profiles.filter((profile) => profile.teachingSkills.some((skill) => skill.skill.toString() === skillId)).length,
    );
    expect(again.items).toEqual(first.items);
    const totals = first.items.map((item) => item.score.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    // A seeded profile goes on changing through the service like any other.
    const changed = await teach(app, { id: teacher.userId.toString() }, [teaching(skillIds[0])]);
    expect(changed.teaching.map((skill) => skill.skillId)).toEqual([skillIds[0]]);
  });
});
