import type { BoardSort } from './suggestion-fields.js';

const DAY_MS = 86_400_000;

/** The sort of each board order; each has its index on `communitysuggestions` (ties: newest first, then id). */
export const BOARD_ORDER: Record<BoardSort, Record<string, 1 | -1>> = {
  score: { score: -1, createdAt: -1 },
  new: { createdAt: -1 },
  top: { 'votes.up': -1, createdAt: -1 },
  trending: { score: -1, createdAt: -1 },
};

/**
 * Trending: what is new and liked. Suggestions submitted since this moment (the last `days` days)
 * ranked by score; older ones leave the trending list however many votes they gather.
 */
export const trendingSince = (days: number, now = new Date()): Date => new Date(now.getTime() - days * DAY_MS);
