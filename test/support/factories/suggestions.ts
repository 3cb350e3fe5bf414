import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role } from '../../../src/core/auth/roles.js';
import type { CreateSuggestionDto } from '../../../src/modules/suggestions/dto/suggestion-input.dto.js';
import type { SuggestionDto } from '../../../src/modules/suggestions/dto/suggestion.dto.js';
import { CommunitySuggestion } from '../../../src/modules/suggestions/schemas/community-suggestion.schema.js';
import { SuggestionComment } from '../../../src/modules/suggestions/schemas/suggestion-comment.schema.js';
import { SuggestionVote } from '../../../src/modules/suggestions/schemas/suggestion-vote.schema.js';
import { SuggestionDeskService } from '../../../src/modules/suggestions/suggestion-desk.service.js';
import type { SuggestionStatus } from '../../../src/modules/suggestions/suggestion.lifecycle.js';
import { SuggestionsService } from '../../../src/modules/suggestions/suggestions.service.js';
import { account, contextOf } from './identity.js';

// Accounts and caller contexts come from identity's factory.
export { account, contextOf };

export const suggestionModel = (app: INestApplicationContext) =>
  app.get<Model<CommunitySuggestion>>(getModelToken(CommunitySuggestion.name));
export const voteModel = (app: INestApplicationContext) => app.get<Model<SuggestionVote>>(getModelToken(SuggestionVote.name));
export const commentModel = (app: INestApplicationContext) => app.get<Model<SuggestionComment>>(getModelToken(SuggestionComment.name));

let sequence = 0;

export const suggestionInput = (overrides: Partial<CreateSuggestionDto> = {}): CreateSuggestionDto => ({
  title: `Export a conversation as PDF #${++sequence}`,
  description: 'A button on each conversation that downloads it as a PDF, with the agent’s answers and sources.',
  category: 'feature-request',
  tags: ['export', 'pdf'],
  ...overrides,
});

/** A suggestion submitted by `author` through the service, as the API would. */
export function submitSuggestion(
  app: INestApplicationContext,
  author: { id: string; role?: Role },
  overrides: Partial<CreateSuggestionDto> = {},
): Promise<SuggestionDto> {
  return app.get(SuggestionsService).create(contextOf(author), suggestionInput(overrides));
}

/** The steps from submitted to each status, as staff take them. */
const PATH: Record<SuggestionStatus, SuggestionStatus[]> = {
  submitted: [],
  under_review: ['under_review'],
  planned: ['under_review', 'planned'],
  in_progress: ['under_review', 'planned', 'in_progress'],
  implemented: ['under_review', 'planned', 'in_progress', 'implemented'],
  declined: ['declined'],
};

/** Walks a submitted suggestion to `status` through the desk, one legal move at a time. */
export async function moveSuggestion(
  app: INestApplicationContext,
  staff: { id: string; role: Role },
  suggestionId: string,
  status: SuggestionStatus,
): Promise<SuggestionDto> {
  const desk = app.get(SuggestionDeskService);
  let moved: SuggestionDto | undefined;
  for (const to of PATH[status]) moved = await desk.transition(contextOf(staff), suggestionId, { to });
  return moved ?? app.get(SuggestionsService).get(contextOf(staff), suggestionId);
}

/** Sets a suggestion's counters off from its votes, as a crash between the vote and its count leaves them. */
export async function driftCounters(app: INestApplicationContext, suggestionId: string, up: number, down: number): Promise<void> {
  await suggestionModel(app).updateOne(
    { _id: new Types.ObjectId(suggestionId) },
    { $set: { 'votes.up': up, 'votes.down': down, score: up - down } },
  );
}

/** Puts a suggestion's owed effects back to pending, as after a crash between running them and marking them done. */
export async function replaySuggestionEffects(app: INestApplicationContext, suggestionId: string): Promise<void> {
  await suggestionModel(app).updateOne(
    { _id: new Types.ObjectId(suggestionId) },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}
