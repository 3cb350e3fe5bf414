import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { suggestionInput, voteModel } from '../../support/factories/suggestions.js';

const VOTERS = 100;
const REGISTRATION_BATCH = 10;

describe('votes on the board', () => {
  let t: TestApp;
  let author: TestUser;
  let voters: TestUser[];

  beforeAll(async () => {
    t = await startTestApp();
    author = await registerUser(t);
    voters = [];
    for (let start = 0; start < VOTERS; start += REGISTRATION_BATCH)
      voters.push(...(await Promise.all(Array.from({ length: REGISTRATION_BATCH }, () => registerUser(t)))));
  });
  afterAll(() => t?.close());

  const submit = async (overrides = {}) =>
    (await t.http().post('/api/suggestions').set(bearer(author)).send(suggestionInput(overrides))).body as { id: string };
  const vote = (user: TestUser, id: string, direction: string) =>
    t.http().post(`/api/suggestions/${id}/vote`).set(bearer(user)).send({ direction });
  const read = async (id: string) => (await t.http().get(`/api/suggestions/${id}`)).body;

  it('counts 100 concurrent votes by distinct members exactly', async () => {
    const { id } = await submit();
    const answers = await Promise.all(voters.map((voter, index) => vote(voter, id, index % 4 === 0 ? 'down' : 'up')));
    expect(answers.map((answer) => answer.status)).toEqual(voters.map(() => 200));
    const suggestion = await read(id);
    expect(suggestion.votes).toEqual({ up: 75, down: 25 });
    expect(suggestion.score).toBe(50);
    expect(await voteModel(t.app).countDocuments({ suggestionId: id })).toBe(VOTERS);
  });

  it('keeps one vote per member: a repeat changes nothing, a change moves it, none withdraws it', async () => {
    const { id } = await submit();
    const [voter] = voters;
    expect((await vote(voter, id, 'up')).body).toMatchObject({ votes: { up: 1, down: 0 }, myVote: 'up' });
    expect((await vote(voter, id, 'up')).body).toMatchObject({ votes: { up: 1, down: 0 }, score: 1 });
    expect((await vote(voter, id, 'down')).body).toMatchObject({ votes: { up: 0, down: 1 }, score: -1, myVote: 'down' });
    expect((await vote(voter, id, 'none')).body).toMatchObject({ votes: { up: 0, down: 0 }, score: 0, myVote: 'none' });
    expect((await vote(voter, id, 'none')).body).toMatchObject({ votes: { up: 0, down: 0 } });
    expect(await voteModel(t.app).countDocuments({ suggestionId: id })).toBe(0);
  });

  it('ends one member’s concurrent flips with counters that match their vote document', async () => {
    const { id } = await submit();
    const [voter] = voters;
    const directions = Array.from({ length: 20 }, (_, index) => ['up', 'down', 'none'][index % 3]);
    await Promise.all(directions.map((direction) => vote(voter, id, direction)));
    const stored = await voteModel(t.app).find({ suggestionId: id }).lean();
    expect(stored.length).toBeLessThanOrEqual(1);
    const expected = { up: stored[0]?.direction === 'up' ? 1 : 0, down: stored[0]?.direction === 'down' ? 1 : 0 };
    expect((await read(id)).votes).toEqual(expected);
  });

  it('orders the board by score, ties newest first, and tells a signed-in caller their own vote', async () => {
    const category = 'performance';
    const low = await submit({ category });
    const high = await submit({ category });
    const tiedOlder = await submit({ category });
    const tiedNewer = await submit({ category });
    await Promise.all([
      ...voters.slice(0, 3).map((voter) => vote(voter, high.id, 'up')),
      ...voters.slice(0, 2).map((voter) => vote(voter, low.id, 'down')),
      vote(voters[0], tiedOlder.id, 'up'),
      vote(voters[1], tiedNewer.id, 'up'),
    ]);
    const board = await t.http().get('/api/suggestions').query({ category }).set(bearer(voters[0]));
    expect(board.status).toBe(200);
    expect(board.body.items.map((item: { id: string }) => item.id)).toEqual([high.id, tiedNewer.id, tiedOlder.id, low.id]);
    expect(board.body.items.map((item: { myVote: string }) => item.myVote)).toEqual(['up', 'none', 'up', 'down']);
    const anonymous = await t.http().get('/api/suggestions').query({ category });
    expect(anonymous.body.items[0].myVote).toBeUndefined();
    const top = await t.http().get('/api/suggestions').query({ category, sort: 'top' });
    expect(top.body.items[0].id).toBe(high.id);
    const found = await t.http().get('/api/suggestions').query({ q: 'Export a conversation' });
    expect(found.body.total).toBeGreaterThanOrEqual(4);
  });
});
