import { describe, expect, it } from 'vitest';
import { SkillSchema } from './skill.schema.js';

const keysOf = () => SkillSchema.indexes().map(([keys]) => keys);

describe('skills index declarations', () => {
  it('declares the weighted English text index, name weighing most', () => {
    expect(SkillSchema.indexes()).toContainEqual([
      { name: 'text', description: 'text', tags: 'text', keywords: 'text' },
      expect.objectContaining({
        name: 'skills_text',
        weights: { name: 10, tags: 5, keywords: 5, description: 1 },
        default_language: 'english',
      }),
    ]);
  });

  it('keeps slugs unique', () => {
    expect(SkillSchema.indexes()).toContainEqual([{ slug: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('backs every list filter, sort, the fallback search, the removal checks and the relay sweep', () => {
    expect(keysOf()).toEqual(
      expect.arrayContaining([
        { category: 1, subcategory: 1 },
        { 'stats.popularityRank': 1 },
        { difficulty: 1 },
        { 'verification.isVerified': 1 },
        { status: 1 },
        { status: 1, 'stats.popularityRank': 1 },
        { status: 1, 'stats.totalLearners': -1, 'stats.avgRating': -1 },
        { 'searchTerms.term': 1 },
        { prerequisites: 1 },
        { 'relatedSkills.skill': 1 },
        { 'effects.state': 1, 'effects.dueAt': 1 },
      ]),
    );
  });
});
