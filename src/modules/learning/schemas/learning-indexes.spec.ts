import { describe, expect, it } from 'vitest';
import { LearnerProfileSchema } from './learner-profile.schema.js';

const keysOf = () => LearnerProfileSchema.indexes().map(([keys]) => keys);

describe('learner profile index declarations', () => {
  it('keeps one profile per user', () => {
    expect(LearnerProfileSchema.indexes()).toContainEqual([{ userId: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('backs matching, the verification queue, both leaderboards and the relay sweep', () => {
    expect(keysOf()).toEqual(
      expect.arrayContaining([
        { 'teachingSkills.skill': 1, 'standing.rating': -1, _id: 1 },
        { 'learningSkills.skill': 1, _id: 1 },
        { 'teachingSkills.verification.isVerified': 1, teachingChangedAt: 1, _id: 1 },
        { 'standing.rating': -1, 'standing.ratingCount': -1, _id: 1 },
        { 'standing.sessionsTaught': -1, _id: 1 },
        { 'effects.state': 1, 'effects.dueAt': 1 },
      ]),
    );
  });
});
