import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { SKILL_LEVELS } from '../../modules/learning/index.js';
import type { LearnerProfile, Slot, TeachingSkill } from '../../modules/learning/schemas/learner-profile.schema.js';
import { LearnerProfile as LearnerProfileClass } from '../../modules/learning/schemas/learner-profile.schema.js';
import { Skill } from '../../modules/skills/schemas/skill.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const PROFILE_POOL = 300;
const BATCH = 100;
const DAY_MS = 86_400_000;
/** Fixed dates, so a profile seeded today and one seeded next month read the same. */
const BASE = Date.UTC(2026, 0, 1);
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC'];
const CURRENCIES = ['EUR', 'USD', 'GBP'];

const seededId = (kind: string, key: string) =>
  new Types.ObjectId(createHash('sha256').update(`seed-${kind}:${key}`).digest('hex').slice(0, 24));

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Learner profiles for the first few hundred members: skills they teach (some verified by staff, most with a
 * rate), skills they learn, weekly availability in their own zone and, for teachers, an early standing the
 * sessions context's later events replace. One profile per user (the unique userId), so a rerun adds nothing.
 * Seeded profiles owe no skill-holder events: counts follow from the first real change of each skill.
 */
export async function seedLearning(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const skills = app.get<Model<Skill>>(getModelToken(Skill.name));
  const profiles = app.get<Model<LearnerProfile>>(getModelToken(LearnerProfileClass.name));
  const [members, staff, active] = await Promise.all([
    users.find({ role: 'user' }, { _id: 1 }).sort({ _id: 1 }).limit(PROFILE_POOL).lean<{ _id: Types.ObjectId }[]>(),
    users
      .find({ role: trusted({ $in: ['staff', 'admin'] }) }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(20)
      .lean<{ _id: Types.ObjectId }[]>(),
    skills.find({ status: 'active' }, { _id: 1, slug: 1 }).sort({ slug: 1 }).limit(500).lean<{ _id: Types.ObjectId; slug: string }[]>(),
  ]);
  if (active.length === 0 || members.length === 0) return 0;
  progress.start('learning', members.length);
  let inserted = 0;
  for (let start = 0; start < members.length; start += BATCH) {
    const batch = members.slice(start, start + BATCH);
    const documents = batch.map((member) =>
      profileFor(
        member._id,
        active.map((skill) => skill._id),
        staff.map((user) => user._id),
      ),
    );
    inserted += await insertManySkippingDuplicates(profiles, documents, { timestamps: false });
    progress.advance(batch.length);
  }
  progress.stop();
  return inserted;
}

/** One user's profile, drawn from a generator seeded by their id: the same user always gets the same profile. */
export function profileFor(userId: Types.ObjectId, skillIds: Types.ObjectId[], staffIds: Types.ObjectId[]) {
  faker.seed(parseInt(createHash('sha256').update(userId.toString()).digest('hex').slice(0, 8), 16));
  const picked = faker.helpers.shuffle([...skillIds]).slice(0, 6);
  const teachesCount = faker.datatype.boolean(0.6) ? faker.number.int({ min: 1, max: 3 }) : 0;
  const learnsCount = faker.datatype.boolean(0.7) ? faker.number.int({ min: 1, max: 3 }) : 0;
  const teachingSkills: TeachingSkill[] = picked.slice(0, teachesCount).map((skill) => {
    const verified = staffIds.length > 0 && faker.datatype.boolean(0.3);
    return {
      skill,
      level: faker.helpers.arrayElement(SKILL_LEVELS),
      ...(faker.datatype.boolean(0.75)
        ? { hourlyRate: { amount: faker.number.int({ min: 3, max: 24 }) * 500, currency: faker.helpers.arrayElement(CURRENCIES) } }
        : {}),
      yearsOfExperience: faker.number.int({ min: 0, max: 20 }),
      verification: verified
        ? {
            isVerified: true,
            verifiedBy: faker.helpers.arrayElement(staffIds),
            verifiedAt: new Date(BASE + faker.number.int({ min: 10, max: 300 }) * DAY_MS),
          }
        : { isVerified: false },
    };
  });
  const learningSkills = picked.slice(teachesCount, teachesCount + learnsCount).map((skill) => {
    const goal = faker.number.int({ min: 1, max: SKILL_LEVELS.length - 1 });
    const current = faker.number.int({ min: -1, max: goal });
    return {
      skill,
      ...(current >= 0 ? { currentLevel: SKILL_LEVELS[current] } : {}),
      goalLevel: SKILL_LEVELS[goal],
      targetDate: new Date(BASE + faker.number.int({ min: 400, max: 800 }) * DAY_MS),
    };
  });
  const createdAt = new Date(BASE + faker.number.int({ min: 0, max: 300 }) * DAY_MS);
  const ratingCount = teachesCount > 0 ? faker.number.int({ min: 0, max: 40 }) : 0;
  return {
    _id: seededId('learner-profile', userId.toString()),
    userId,
    teachingSkills,
    learningSkills,
    ...(faker.datatype.boolean(0.8) ? { availability: { timezone: faker.helpers.arrayElement(ZONES), slots: weeklySlots() } } : {}),
    standing: {
      rating: ratingCount > 0 ? Math.round(faker.number.float({ min: 3.2, max: 5 }) * 100) / 100 : null,
      ratingCount,
      sessionsTaught: ratingCount + (teachesCount > 0 ? faker.number.int({ min: 0, max: 10 }) : 0),
      ...(teachesCount > 0 ? { standingAt: createdAt } : {}),
    },
    ...(teachesCount > 0 ? { teachingChangedAt: createdAt } : {}),
    revision: 0,
    createdAt,
    updatedAt: createdAt,
  };
}

/** Two to five days a week, one window a day between 07:00 and midnight, so no two overlap. */
function weeklySlots(): Slot[] {
  const days = faker.helpers.shuffle([0, 1, 2, 3, 4, 5, 6]).slice(0, faker.number.int({ min: 2, max: 5 }));
  return days
    .sort((a, b) => a - b)
    .map((day) => {
      const start = faker.number.int({ min: 7, max: 20 }) * 60 + faker.helpers.arrayElement([0, 30]);
      const end = Math.min(start + faker.number.int({ min: 1, max: 4 }) * 60, 24 * 60);
      return { day, start: clock(start), end: clock(end) };
    });
}
