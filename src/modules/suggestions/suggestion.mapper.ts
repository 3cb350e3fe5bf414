import { idOf, iso } from '../../core/http/serialize.js';
import { historyOf } from '../../core/lifecycle/index.js';
import type { SuggestionCommentDto, SuggestionDto, SuggestionSummaryDto } from './dto/suggestion.dto.js';
import type { CommunitySuggestion } from './schemas/community-suggestion.schema.js';
import type { SuggestionComment } from './schemas/suggestion-comment.schema.js';
import { COMMITTED_STATUSES } from './suggestion.lifecycle.js';
import type { VoteChoice } from './suggestion-fields.js';

/** What a caller sees beyond the public board: the hidden flag (author, staff), moderation and early notes (staff). */
export interface SuggestionView {
  /** The caller's vote; undefined for an anonymous caller. */
  myVote?: VoteChoice;
  seesHidden: boolean;
  staff: boolean;
}

export function toSuggestionSummaryDto(suggestion: CommunitySuggestion, view: SuggestionView): SuggestionSummaryDto {
  return {
    id: suggestion._id.toString(),
    suggestionId: suggestion.suggestionId,
    title: suggestion.title,
    description: suggestion.description,
    category: suggestion.category,
    tags: suggestion.tags ?? [],
    status: suggestion.status,
    statusReason: suggestion.statusReason ?? undefined,
    votes: { up: suggestion.votes?.up ?? 0, down: suggestion.votes?.down ?? 0 },
    score: suggestion.score ?? 0,
    commentCount: suggestion.commentCount ?? 0,
    authorId: idOf(suggestion.authorId),
    authorName: suggestion.authorName,
    myVote: view.myVote,
    hidden: view.seesHidden ? suggestion.hidden : undefined,
    hiddenReason: view.staff ? suggestion.hiddenReason : undefined,
    createdAt: iso(suggestion.createdAt)!,
    updatedAt: iso(suggestion.updatedAt)!,
  };
}

export function toCommentDto(comment: SuggestionComment, seesHidden: boolean): SuggestionCommentDto {
  return {
    id: comment._id.toString(),
    authorId: idOf(comment.authorId),
    authorName: comment.authorName,
    fromStaff: comment.fromStaff,
    body: comment.body,
    hidden: seesHidden ? comment.hidden : undefined,
    createdAt: iso(comment.createdAt)!,
  };
}

/** The whole suggestion; the implementation notes only once the team committed to the work, or for staff. */
export function toSuggestionDto(suggestion: CommunitySuggestion, comments: SuggestionComment[], view: SuggestionView): SuggestionDto {
  const notes = suggestion.implementation;
  const showNotes = notes && (view.staff || COMMITTED_STATUSES.includes(suggestion.status));
  return {
    ...toSuggestionSummaryDto(suggestion, view),
    implementation: showNotes
      ? { notes: notes.notes, targetRelease: notes.targetRelease, link: notes.link, updatedAt: iso(notes.updatedAt) }
      : undefined,
    comments: comments.map((comment) => toCommentDto(comment, view.seesHidden)),
    history: historyOf(suggestion.audit),
  };
}
