import { describe, expect, it } from 'vitest';
import { priceScore, rankTeachers, type TeacherCandidate } from './matching-score.js';

/** Five teachers crafted so each part decides something: prices in two currencies, a free one, an unrated one, a tie. */
const CANDIDATES: TeacherCandidate[] = [
  { userId: 'd', level: 'beginner', hourlyRate: { amount: 9000, currency: 'EUR' }, rating: 4, overlapMinutes: 60 },
  { userId: 'b', level: 'intermediate', rating: null, overlapMinutes: 240 },
  { userId: 'e', level: 'advanced', hourlyRate: { amount: 5000, currency: 'USD' }, rating: 5, overlapMinutes: 0 },
  { userId: 'a', level: 'expert', hourlyRate: { amount: 6000, currency: 'EUR' }, rating: 4.5, overlapMinutes: 120 },
  { userId: 'c', level: 'advanced', hourlyRate: { amount: 3000, currency: 'EUR' }, rating: 5, overlapMinutes: 0 },
];

describe('teacher matching scores', () => {
  it('ranks the crafted set exactly, with the weighted parts adding up to the total', () => {
    const ranked = rankTeachers(CANDIDATES, 10);
    expect(ranked.map((teacher) => [teacher.userId, teacher.score])).toEqual([
      ['a', { level: 0.3, rating: 0.27, price: 0.1, availability: 0.1, total: 0.77 }],
      // c and e tie on 0.7: the user id decides.
      ['c', { level: 0.2, rating: 0.3, price: 0.2, availability: 0, total: 0.7 }],
      ['e', { level: 0.2, rating: 0.3, price: 0.2, availability: 0, total: 0.7 }],
      ['b', { level: 0.1, rating: 0, price: 0.2, availability: 0.2, total: 0.5 }],
      ['d', { level: 0, rating: 0.24, price: 0, availability: 0.05, total: 0.29 }],
    ]);
  });

  it('ranks the same whatever order the candidates come in, and bounds the answer', () => {
    const reversed = rankTeachers([...CANDIDATES].reverse(), 3).map((teacher) => teacher.userId);
    expect(reversed).toEqual(['a', 'c', 'e']);
  });

  it('compares prices only within a currency: free and a lone price score 1, equal prices too', () => {
    expect(priceScore(undefined, CANDIDATES)).toBe(1);
    expect(priceScore({ amount: 5000, currency: 'USD' }, CANDIDATES)).toBe(1);
    expect(priceScore({ amount: 9000, currency: 'EUR' }, CANDIDATES)).toBe(0);
    const same: TeacherCandidate[] = [
      { userId: 'x', level: 'expert', hourlyRate: { amount: 100, currency: 'GBP' }, rating: null, overlapMinutes: 0 },
      { userId: 'y', level: 'expert', hourlyRate: { amount: 100, currency: 'GBP' }, rating: null, overlapMinutes: 0 },
    ];
    expect(rankTeachers(same, 5).map((teacher) => [teacher.userId, teacher.score.total])).toEqual([
      ['x', 0.5],
      ['y', 0.5],
    ]);
  });
});
