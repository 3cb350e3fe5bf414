import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { LIMITS, RELATIONSHIP_TYPES, Skill, type SkillStatus } from '../../modules/skills/schemas/skill.schema.js';
import { searchTermsOf } from '../../modules/skills/search-terms.js';
import { slugOf } from '../../modules/skills/skill-links.js';
import { rankSkills } from '../../modules/skills/skill-ranking.js';
import type { SeedProgress } from '../seed-progress.js';
import { SEED_CATEGORIES, SEED_LEVELS } from './skill-topics.js';

const BATCH = 500;
const DAY_MS = 86_400_000;

export const seededSkillId = (index: number) =>
  new Types.ObjectId(createHash('sha256').update(`seed-skill:${index}`).digest('hex').slice(0, 24));

type Topic = { category: string; subcategory: string; industries: string[]; name: string; tags: string[]; tools: string[]; slot: number };

/** Every topic once, in a fixed order; `slot` is its place within its subcategory. */
const TOPICS: Topic[] = SEED_CATEGORIES.flatMap(({ category, industries, subcategories }) =>
  subcategories.flatMap(({ subcategory, topics }) => topics.map((one, slot) => ({ category, subcategory, industries, ...one, slot }))),
);

/**
 * A skill's index orders the whole catalogue level by level (every topic's first level, then every second level, …),
 * so each prerequisite (the level below, and now and then the level below of a sibling topic) has a lower index:
 * edges only run from lower to higher indexes and the graph has no cycle.
 */
const indexOf = (level: number, topic: number) => level * TOPICS.length + topic;
export const SEEDED_SKILL_COUNT = SEED_LEVELS.length * TOPICS.length;

function skillAt(index: number, now: number): Partial<Skill> {
  const level = Math.floor(index / TOPICS.length);
  const topicIndex = index % TOPICS.length;
  const topic = TOPICS[topicIndex];
  faker.seed(70_000 + index);
  const name = `${topic.name} ${SEED_LEVELS[level]}`;
  const difficulty = 1 + Math.floor((level * 10) / SEED_LEVELS.length);
  const siblings = TOPICS.map((other, at) => ({ other, at })).filter(
    ({ other, at }) => at !== topicIndex && other.category === topic.category && other.subcategory === topic.subcategory,
  );
  const prerequisites: Types.ObjectId[] = [];
  if (level > 0) {
    prerequisites.push(seededSkillId(indexOf(level - 1, topicIndex)));
    if (level >= 3 && faker.number.float() < 0.3)
      prerequisites.push(seededSkillId(indexOf(level - 1, faker.helpers.arrayElement(siblings).at)));
  }
  const relatedSkills = faker.helpers.arrayElements(siblings, { min: 1, max: 3 }).map(({ at }) => ({
    skill: seededSkillId(indexOf(level, at)),
    relationshipType: faker.helpers.arrayElement(RELATIONSHIP_TYPES),
    strength: faker.number.int({ min: 1, max: 10 }),
  }));
  const description =
    `${name}: ${level === 0 ? 'first steps in' : `level ${level + 1} of ${SEED_LEVELS.length} in`} ${topic.name.toLowerCase()}, ` +
    `within ${topic.subcategory.replace(/-/g, ' ')}. ${faker.lorem.sentences(2)}`;
  const keywords = [topic.name.toLowerCase(), SEED_LEVELS[level].toLowerCase(), topic.subcategory].slice(0, LIMITS.keywords);
  const tags = [...topic.tags, topic.category].slice(0, LIMITS.tags);
  // Fewer people learn the higher levels; some skills are new and some retired.
  const learners = Math.round(faker.number.int({ min: 20, max: 4000 }) / (1 + level / 2));
  const ratingCount = Math.round(learners * faker.number.float({ min: 0.05, max: 0.4 }));
  const status: SkillStatus = faker.helpers.weightedArrayElement([
    { value: 'active', weight: 92 },
    { value: 'draft', weight: 4 },
    { value: 'archived', weight: 4 },
  ]);
  const verified = faker.number.float() < 0.35;
  const createdAt = new Date(now - faker.number.int({ min: 30, max: 900 }) * DAY_MS);
  return {
    _id: seededSkillId(index),
    name,
    slug: slugOf(name),
    description: description.slice(0, LIMITS.description),
    category: topic.category,
    subcategory: topic.subcategory,
    difficulty,
    tags,
    keywords,
    stats: {
      totalLearners: learners,
      totalTeachers: Math.max(1, Math.round(learners / faker.number.int({ min: 8, max: 30 }))),
      avgRating: ratingCount > 0 ? faker.number.float({ min: 3.2, max: 5, fractionDigits: 2 }) : 0,
      ratingCount,
      completedSessions: ratingCount + faker.number.int({ min: 0, max: 50 }),
      popularityRank: 0,
      learnersAtLastRank: learners,
      ratingsAtLastRank: ratingCount,
    },
    prerequisites,
    relatedSkills,
    metadata: {
      estimatedLearningTime: faker.number.int({ min: 4, max: 20 }) * (1 + level),
      industries: faker.helpers.arrayElements(topic.industries, { min: 1, max: topic.industries.length }),
      tools: topic.tools,
      learningResources: [
        { title: `${name}: a guided course`, url: `https://learn.atrium-demo.com/skills/${slugOf(name)}`, type: 'course' },
        { title: `${topic.name} reference`, url: `https://docs.atrium-demo.com/${slugOf(topic.name)}`, type: 'documentation' },
      ],
    },
    verification: verified ? { isVerified: true, verifiedAt: new Date(createdAt.getTime() + 7 * DAY_MS) } : { isVerified: false },
    status,
    trendingScore: faker.number.float({ min: 0, max: 50, fractionDigits: 2 }),
    industryDemand: faker.number.int({ min: 10, max: 100 }),
    searchTerms: searchTermsOf({ name, description, tags, keywords }, LIMITS.searchTerms),
    createdAt,
    updatedAt: createdAt,
  };
}

/** Seeds the catalogue with its prerequisite graph; answers how many skills were new (0 on a rerun). */
export async function seedSkills(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const model = app.get<Model<Skill>>(getModelToken(Skill.name));
  const now = Date.now();
  const skills = Array.from({ length: SEEDED_SKILL_COUNT }, (_, index) => skillAt(index, now));
  // Ranks as the ranking job would give them, so the first page of "popular" is right before the job runs.
  const ranks = new Map(
    rankSkills(
      skills.map((skill) => ({
        id: skill._id!,
        name: skill.name!,
        learners: skill.stats!.totalLearners,
        rating: skill.stats!.avgRating,
        ratings: skill.stats!.ratingCount,
        learnersBefore: skill.stats!.totalLearners,
        ratingsBefore: skill.stats!.ratingCount,
        trendingScore: 0,
      })),
    ).map((row) => [row.id.toString(), row.rank]),
  );
  for (const skill of skills) skill.stats!.popularityRank = ranks.get(skill._id!.toString())!;

  progress.start('skills', skills.length);
  let inserted = 0;
  for (let start = 0; start < skills.length; start += BATCH) {
    const batch = skills.slice(start, start + BATCH);
    const present = new Set(
      (
        await model
          .find({ _id: trusted({ $in: batch.map((skill) => skill._id!) }) } as QueryFilter<Skill>, { _id: 1 })
          .lean<{ _id: Types.ObjectId }[]>()
      ).map((row) => row._id.toString()),
    );
    inserted += await insertManySkippingDuplicates(
      model,
      batch.filter((skill) => !present.has(skill._id!.toString())),
      { timestamps: false },
    );
    progress.advance(batch.length);
  }
  progress.stop();
  return inserted;
}
