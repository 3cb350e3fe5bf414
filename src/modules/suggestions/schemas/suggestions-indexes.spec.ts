import { describe, expect, it } from 'vitest';
import { CommunitySuggestionSchema } from './community-suggestion.schema.js';
import { SuggestionCommentSchema } from './suggestion-comment.schema.js';
import { SuggestionVoteSchema } from './suggestion-vote.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('suggestions index declarations', () => {
  it('keeps one vote per member and suggestion, and one suggestion per board number', () => {
    expect(SuggestionVoteSchema.indexes()).toContainEqual([{ suggestionId: 1, userId: 1 }, expect.objectContaining({ unique: true })]);
    expect(CommunitySuggestionSchema.indexes()).toContainEqual([{ suggestionId: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('backs every board order and filter, the member list, the search and the relay', () => {
    expect(keysOf(CommunitySuggestionSchema)).toEqual(
      expect.arrayContaining([
        { hidden: 1, score: -1, createdAt: -1, _id: -1 },
        { hidden: 1, createdAt: -1, _id: -1 },
        { hidden: 1, 'votes.up': -1, createdAt: -1, _id: -1 },
        { hidden: 1, category: 1, score: -1, createdAt: -1, _id: -1 },
        { status: 1, hidden: 1, score: -1, createdAt: -1, _id: -1 },
        { authorId: 1, createdAt: -1, _id: -1 },
        { title: 'text', description: 'text' },
        { 'effects.state': 1, 'effects.dueAt': 1 },
      ]),
    );
  });

  it('backs the caller’s own votes on a page, the recount and the latest comments', () => {
    expect(keysOf(SuggestionVoteSchema)).toEqual(
      expect.arrayContaining([
        { userId: 1, suggestionId: 1 },
        { suggestionId: 1, direction: 1 },
      ]),
    );
    expect(keysOf(SuggestionCommentSchema)).toEqual(
      expect.arrayContaining([
        { suggestionId: 1, hidden: 1, createdAt: -1, _id: -1 },
        { authorId: 1 },
        { 'effects.state': 1, 'effects.dueAt': 1 },
      ]),
    );
  });
});
