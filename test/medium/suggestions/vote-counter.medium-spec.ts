import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { VotesService } from '../../../src/modules/suggestions/votes.service.js';
import { startMediumApp } from '../../support/medium-app.js';
import {
  account,
  contextOf,
  driftCounters,
  moveSuggestion,
  submitSuggestion,
  suggestionModel,
  voteModel,
} from '../../support/factories/suggestions.js';

type Account = Awaited<ReturnType<typeof account>>;

/** Voters need only an id here: the service trusts the caller the auth guard let through. */
const voter = () => ({ id: new Types.ObjectId().toString() });

describe('the vote counter against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let author: Account;
  let staff: Account;
  let votes: VotesService;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    [author, staff] = await Promise.all([account(app), account(app, 'staff')]);
    votes = app.get(VotesService);
  });
  afterAll(() => close?.());

  const counters = async (id: string) => {
    const stored = await suggestionModel(app).findById(id).lean();
    return { up: stored!.votes.up, down: stored!.votes.down, score: stored!.score };
  };

  it('counts 200 concurrent first votes exactly, and as many vote documents', async () => {
    const { id } = await submitSuggestion(app, author);
    const voters = Array.from({ length: 200 }, voter);
    await Promise.all(voters.map((user, index) => votes.vote(contextOf(user), id, index % 5 === 0 ? 'down' : 'up')));
    expect(await counters(id)).toEqual({ up: 160, down: 40, score: 120 });
    expect(await voteModel(app).countDocuments({ suggestionId: id })).toBe(200);
  });

  it('keeps the counters equal to the vote documents under concurrent changes and withdrawals by the same members', async () => {
    const { id } = await submitSuggestion(app, author);
    const voters = Array.from({ length: 20 }, voter);
    const choices = ['up', 'down', 'none', 'up', 'down'] as const;
    await Promise.all(voters.flatMap((user) => choices.map((choice) => votes.vote(contextOf(user), id, choice))));
    const [up, down] = await Promise.all([
      voteModel(app).countDocuments({ suggestionId: id, direction: 'up' }),
      voteModel(app).countDocuments({ suggestionId: id, direction: 'down' }),
    ]);
    expect(up + down).toBeLessThanOrEqual(20);
    expect(await counters(id)).toEqual({ up, down, score: up - down });
  });

  it('heals drifted counters from the votes, and leaves correct ones alone', async () => {
    const drifted = await submitSuggestion(app, author);
    const correct = await submitSuggestion(app, author);
    await Promise.all([voter(), voter(), voter()].map((user) => votes.vote(contextOf(user), drifted.id, 'up')));
    await votes.vote(contextOf(voter()), correct.id, 'down');
    await driftCounters(app, drifted.id, 7, 2);

    const corrected = await votes.recountAll(systemContext('test-recount'));
    expect(corrected).toBe(1);
    expect(await counters(drifted.id)).toEqual({ up: 3, down: 0, score: 3 });
    expect(await counters(correct.id)).toEqual({ up: 0, down: 1, score: -1 });
    await expect(votes.recountAll(contextOf(staff))).rejects.toMatchObject({ status: 403 });
  });

  it('refuses votes on a decided suggestion with 409 and leaves its count as it was', async () => {
    const { id } = await submitSuggestion(app, author);
    await votes.vote(contextOf(voter()), id, 'up');
    await moveSuggestion(app, staff, id, 'declined');
    await expect(votes.vote(contextOf(voter()), id, 'up')).rejects.toMatchObject({ status: 409, slug: 'voting-closed' });
    expect(await counters(id)).toEqual({ up: 1, down: 0, score: 1 });
  });
});
