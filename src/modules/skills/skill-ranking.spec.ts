import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { rankSkills } from './skill-ranking.js';

const skill = (name: string, learners: number, rating: number, extra: Partial<Parameters<typeof rankSkills>[0][number]> = {}) => ({
  id: new Types.ObjectId(),
  name,
  learners,
  rating,
  ratings: 0,
  learnersBefore: 0,
  ratingsBefore: 0,
  trendingScore: 0,
  ...extra,
});

describe('rankSkills', () => {
  it('ranks by learners, ties by rating then name', () => {
    const ranked = rankSkills([skill('b', 10, 4), skill('a', 10, 4), skill('c', 10, 5), skill('d', 50, 1)]);
    expect(ranked.map((row) => row.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked.map((row) => row.learners)).toEqual([50, 10, 10, 10]);
  });

  it('trends by growth since the previous run plus half the previous trend, never below zero growth', () => {
    const [grew] = rankSkills([skill('x', 30, 0, { learnersBefore: 10, ratings: 4, ratingsBefore: 1, trendingScore: 8 })]);
    expect(grew.trendingScore).toBe(20 + 3 + 4);
    const [shrank] = rankSkills([skill('y', 5, 0, { learnersBefore: 10, trendingScore: 3 })]);
    expect(shrank.trendingScore).toBe(1.5);
  });
});
