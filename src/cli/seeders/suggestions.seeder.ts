import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { Sequences } from '../../core/database/sequences.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { CommunitySuggestion } from '../../modules/suggestions/schemas/community-suggestion.schema.js';
import { SuggestionComment } from '../../modules/suggestions/schemas/suggestion-comment.schema.js';
import { SuggestionVote } from '../../modules/suggestions/schemas/suggestion-vote.schema.js';
import { COMMITTED_STATUSES, type SuggestionStatus } from '../../modules/suggestions/suggestion.lifecycle.js';
import { formatSuggestionNumber, SUGGESTION_CATEGORIES, SUGGESTION_COUNTER } from '../../modules/suggestions/suggestion-fields.js';
import type { SeedProgress } from '../seed-progress.js';

const DAY_MS = 86_400_000;
const BATCH = 100;
const SUGGESTIONS = 300;
const MEMBER_POOL = 500;
const MAX_VOTES = 40;
const MAX_COMMENTS = 4;

/** A board most of whose suggestions wait for review, with a few shipped and a few declined. */
const STATUS_PATH: Record<SuggestionStatus, SuggestionStatus[]> = {
  submitted: ['submitted'],
  under_review: ['submitted', 'under_review'],
  planned: ['submitted', 'under_review', 'planned'],
  in_progress: ['submitted', 'under_review', 'planned', 'in_progress'],
  implemented: ['submitted', 'under_review', 'planned', 'in_progress', 'implemented'],
  declined: ['submitted', 'under_review', 'declined'],
};
const STATUS_WEIGHTS: { value: SuggestionStatus; weight: number }[] = [
  { value: 'submitted', weight: 5 },
  { value: 'under_review', weight: 3 },
  { value: 'planned', weight: 2 },
  { value: 'in_progress', weight: 1 },
  { value: 'implemented', weight: 1 },
  { value: 'declined', weight: 1 },
];

export interface BoardMember {
  id: string;
  name: string;
}

export interface BoardModels {
  suggestions: Model<CommunitySuggestion>;
  votes: Model<SuggestionVote>;
  comments: Model<SuggestionComment>;
}

/** Seeds the feedback board from the seeded members; answers how many documents were new. */
export async function seedSuggestions(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const members = (await users.find({ role: 'user' }, { profile: 1 }).sort({ _id: 1 }).limit(MEMBER_POOL).lean<User[]>()).map((user) => ({
    id: user._id.toString(),
    name: user.profile?.displayName ?? 'Atrium member',
  }));
  const staff = (
    await users
      .find({ role: trusted({ $in: ['staff', 'admin'] }) }, { _id: 1 })
      .limit(20)
      .lean<User[]>()
  ).map((user) => user._id.toString());
  const models: BoardModels = {
    suggestions: app.get(getModelToken(CommunitySuggestion.name)),
    votes: app.get(getModelToken(SuggestionVote.name)),
    comments: app.get(getModelToken(SuggestionComment.name)),
  };
  return seedBoard(models, app.get(Sequences), members, staff, SUGGESTIONS, progress);
}

const seededId = (kind: string, ...parts: number[]) =>
  new Types.ObjectId(
    createHash('sha256')
      .update(`seed-${kind}:${parts.join(':')}`)
      .digest('hex')
      .slice(0, 24),
  );

/**
 * `count` suggestions across the categories and statuses, with votes and comments by the members.
 * Ids derive from the index, so a rerun finds them and inserts nothing; a suggestion's votes and
 * comments go in before it, so one cut short by a crash is completed by the rerun. Board numbers come
 * from the live counter, drawn only for suggestions not yet present.
 */
export async function seedBoard(
  models: BoardModels,
  sequences: Sequences,
  members: BoardMember[],
  staff: string[],
  count: number,
  progress: SeedProgress,
): Promise<number> {
  if (count === 0 || members.length === 0) return 0;
  progress.start('suggestions', count);
  let inserted = 0;
  for (let start = 0; start < count; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => start + offset);
    const present = new Set(
      (
        await models.suggestions
          .find({ _id: trusted({ $in: indexes.map((index) => seededId('suggestion', index)) }) }, { _id: 1 })
          .lean<{ _id: Types.ObjectId }[]>()
      ).map((row) => row._id.toString()),
    );
    const boards = [];
    for (const index of indexes.filter((candidate) => !present.has(seededId('suggestion', candidate).toString())))
      boards.push(await suggestionAt(index, sequences, members, staff));
    inserted += await insertManySkippingDuplicates(
      models.votes,
      boards.flatMap((board) => board.votes),
      { timestamps: false },
    );
    inserted += await insertManySkippingDuplicates(
      models.comments,
      boards.flatMap((board) => board.comments),
      { timestamps: false },
    );
    inserted += await insertManySkippingDuplicates(
      models.suggestions,
      boards.map((board) => board.suggestion),
      { timestamps: false },
    );
    progress.advance(indexes.length);
  }
  progress.stop();
  return inserted;
}

async function suggestionAt(index: number, sequences: Sequences, members: BoardMember[], staff: string[]) {
  faker.seed(30_000 + index);
  const id = seededId('suggestion', index);
  const author = members[index % members.length];
  const status = faker.helpers.weightedArrayElement(STATUS_WEIGHTS);
  const createdAt = new Date(Date.now() - faker.number.int({ min: 0, max: 180 }) * DAY_MS - faker.number.int({ max: DAY_MS }));
  // Each step (a vote, a comment, a move) some hours after the suggestion, never in the future.
  const after = (hours: number) => new Date(Math.min(Date.now(), createdAt.getTime() + hours * 3_600_000));
  const voters = faker.helpers.arrayElements(members, { min: 0, max: Math.min(MAX_VOTES, members.length) });
  const votes = voters.map((voter, voterIndex) => ({
    _id: seededId('suggestion-vote', index, voterIndex),
    suggestionId: id,
    userId: new Types.ObjectId(voter.id),
    direction: faker.number.float() < 0.8 ? 'up' : 'down',
    createdAt: after(voterIndex + 1),
    updatedAt: after(voterIndex + 1),
  }));
  const comments = Array.from({ length: faker.number.int({ min: 0, max: MAX_COMMENTS }) }, (_, commentIndex) => {
    const commenter = faker.helpers.arrayElement(members);
    return {
      _id: seededId('suggestion-comment', index, commentIndex),
      suggestionId: id,
      authorId: new Types.ObjectId(commenter.id),
      authorName: commenter.name,
      fromStaff: false,
      body: faker.lorem.sentences({ min: 1, max: 3 }).slice(0, 2000),
      hidden: false,
      createdAt: after(commentIndex * 5 + 2),
      updatedAt: after(commentIndex * 5 + 2),
    };
  });
  const up = votes.filter((vote) => vote.direction === 'up').length;
  const path = STATUS_PATH[status];
  const mover = staff.length > 0 ? faker.helpers.arrayElement(staff) : undefined;
  const origin = (step: number) => ({
    trigger: step === 0 ? ('owner' as const) : ('staff' as const),
    source: step === 0 ? 'api' : 'staff',
    actorId: step === 0 ? author.id : mover,
  });
  const suggestion = {
    _id: id,
    suggestionId: formatSuggestionNumber(await sequences.next(SUGGESTION_COUNTER)),
    authorId: new Types.ObjectId(author.id),
    authorName: author.name,
    title: faker.hacker.phrase().slice(0, 160),
    description: faker.lorem.paragraphs({ min: 1, max: 3 }).slice(0, 5000),
    category: SUGGESTION_CATEGORIES[index % SUGGESTION_CATEGORIES.length],
    tags: faker.helpers.arrayElements(['api', 'mobile', 'export', 'agents', 'billing', 'search', 'teams'], { min: 0, max: 3 }),
    status,
    statusReason: status === 'declined' ? 'Outside what the product sets out to do.' : undefined,
    votes: { up, down: votes.length - up },
    score: up - (votes.length - up),
    commentCount: comments.length,
    implementation: COMMITTED_STATUSES.includes(status)
      ? { notes: faker.lorem.sentence(), targetRelease: `2027.${(index % 4) + 1}`, updatedAt: after(48) }
      : undefined,
    hidden: index % 37 === 36,
    audit: path.map((to, step) => auditEntry(step === 0 ? null : path[step - 1], to, origin(step), after(step * 72))),
    createdAt,
    updatedAt: after(path.length * 72),
  };
  return { suggestion, votes, comments };
}
