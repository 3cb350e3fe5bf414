/** How teachers are ranked for a learner: pure functions of the candidates, so a ranking is explainable and testable. */
import { SKILL_LEVELS, type SkillLevel } from './learning.types.js';

/** Each part's share of the total; the parts shown are already weighted, so they add up to the total. */
export const SCORE_WEIGHTS = { level: 0.3, rating: 0.3, price: 0.2, availability: 0.2 } as const;

export type TeacherCandidate = {
  userId: string;
  level: SkillLevel;
  /** Absent: teaches for free. */
  hourlyRate?: { amount: number; currency: string };
  /** Mean rating 1–5, or null before the first rating. */
  rating: number | null;
  /** Minutes the teacher's and the learner's weekly windows share within the asked period. */
  overlapMinutes: number;
};

export type ScoreParts = { level: number; rating: number; price: number; availability: number; total: number };
export type ScoredTeacher = TeacherCandidate & { score: ScoreParts };

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Beginner 0 … expert 1. */
export const levelScore = (level: SkillLevel): number => SKILL_LEVELS.indexOf(level) / (SKILL_LEVELS.length - 1);

/** A rating out of 5 as 0–1; no rating yet scores 0. */
export const ratingScore = (rating: number | null): number => (rating === null ? 0 : Math.min(Math.max(rating, 0), 5) / 5);

/**
 * Cheaper scores higher, relative to the candidates asking the same currency (amounts in different currencies
 * are not compared): the cheapest 1, the dearest 0, linear between. Free teaching scores 1; a lone price too.
 */
export function priceScore(rate: TeacherCandidate['hourlyRate'], candidates: readonly TeacherCandidate[]): number {
  if (!rate) return 1;
  const amounts = candidates.filter((c) => c.hourlyRate?.currency === rate.currency).map((c) => c.hourlyRate!.amount);
  const [cheapest, dearest] = [Math.min(...amounts), Math.max(...amounts)];
  return dearest === cheapest ? 1 : (dearest - rate.amount) / (dearest - cheapest);
}

/** Shared minutes relative to the candidate sharing the most: 1 for the most, 0 when nobody shares any. */
export function availabilityScore(overlap: number, candidates: readonly TeacherCandidate[]): number {
  const most = Math.max(0, ...candidates.map((c) => c.overlapMinutes));
  return most === 0 ? 0 : overlap / most;
}

export function scoreOf(candidate: TeacherCandidate, candidates: readonly TeacherCandidate[]): ScoreParts {
  const level = round(SCORE_WEIGHTS.level * levelScore(candidate.level));
  const rating = round(SCORE_WEIGHTS.rating * ratingScore(candidate.rating));
  const price = round(SCORE_WEIGHTS.price * priceScore(candidate.hourlyRate, candidates));
  const availability = round(SCORE_WEIGHTS.availability * availabilityScore(candidate.overlapMinutes, candidates));
  return { level, rating, price, availability, total: round(level + rating + price + availability) };
}

/** Best total first; equal totals by user id, so the same data always ranks the same way. */
export function rankTeachers(candidates: readonly TeacherCandidate[], limit: number): ScoredTeacher[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: scoreOf(candidate, candidates) }))
    .sort((a, b) => b.score.total - a.score.total || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
    .slice(0, limit);
}
