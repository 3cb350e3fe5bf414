import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { replaySuggestionEffects, suggestionInput } from '../../support/factories/suggestions.js';

describe('a suggestion’s life on the board', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  const notifications = (userId: string, type: string) =>
    t.connection
      .collection('notifications')
      .find({ userId: new Types.ObjectId(userId), type })
      .toArray();
  const submit = async (author: TestUser) => {
    const response = await t.http().post('/api/suggestions').set(bearer(author)).send(suggestionInput());
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; suggestionId: string; status: string };
  };
  const move = (id: string, to: string, reason?: string) =>
    t.http().post(`/api/suggestions/${id}/status`).set(bearer(staff)).send({ to, reason });

  it('walks submitted → implemented, refuses a jump with 409 and tells the author once per change', async () => {
    const author = await registerUser(t);
    const suggestion = await submit(author);
    expect(suggestion.status).toBe('submitted');
    expect(suggestion.suggestionId).toMatch(/^SUG-\d{6}$/);

    const jump = await move(suggestion.id, 'implemented');
    expect(jump.status).toBe(409);
    expect(jump.headers['content-type']).toContain('application/problem+json');
    expect(jump.body.detail).toContain('cannot move from submitted to implemented');

    // A move without a reason leaves the reason out of the answer (never null, which the schema refuses).
    const unexplained = await move(suggestion.id, 'under_review');
    expect(unexplained.body).not.toHaveProperty('statusReason');
    expect(unexplained.body.history.at(-1)).not.toHaveProperty('reason');

    for (const to of ['planned', 'in_progress', 'implemented']) {
      const moved = await move(suggestion.id, to, `now ${to}`);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.status).toBe(to);
    }
    // A repeated request is no move and owes nothing more.
    expect((await move(suggestion.id, 'implemented')).status).toBe(200);

    const told = await notifications(author.id, 'suggestion-status');
    expect(told.map((notice) => notice.title).sort()).toEqual(
      ['in progress', 'implemented', 'planned', 'under review']
        .map((status) => `Your suggestion ${suggestion.suggestionId} is ${status}`)
        .sort(),
    );
    await replaySuggestionEffects(t.app, suggestion.id);
    await t.app.get(EffectsRelay).sweep();
    expect(await notifications(author.id, 'suggestion-status')).toHaveLength(4);

    const read = await t.http().get(`/api/suggestions/${suggestion.id}`);
    expect(read.body.history.map((entry: { to: string }) => entry.to)).toEqual([
      'submitted',
      'under_review',
      'planned',
      'in_progress',
      'implemented',
    ]);
    const voter = await registerUser(t);
    const late = await t.http().post(`/api/suggestions/${suggestion.id}/vote`).set(bearer(voter)).send({ direction: 'up' });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('urn:atrium:problem:voting-closed');
  });

  it('declines with a reason the board shows, and takes no more votes', async () => {
    const author = await registerUser(t);
    const suggestion = await submit(author);
    const declined = await move(suggestion.id, 'declined', 'Out of scope for the product');
    expect(declined.body).toMatchObject({ status: 'declined', statusReason: 'Out of scope for the product' });
    expect((await move(suggestion.id, 'under_review')).status).toBe(409);
    const vote = await t.http().post(`/api/suggestions/${suggestion.id}/vote`).set(bearer(author)).send({ direction: 'up' });
    expect(vote.status).toBe(409);
    const [notice] = await notifications(author.id, 'suggestion-status');
    expect(notice.body).toContain('Out of scope for the product');
  });

  it('shows the team’s implementation notes to everyone only once the suggestion is planned', async () => {
    const author = await registerUser(t);
    const suggestion = await submit(author);
    const notes = { notes: 'Rendering on the server', targetRelease: '2027.1', link: 'https://changelog.atrium-demo.com/pdf' };
    const patched = await t.http().patch(`/api/suggestions/${suggestion.id}/implementation`).set(bearer(staff)).send(notes);
    expect(patched.status).toBe(200);
    expect(patched.body.implementation).toMatchObject(notes);
    expect((await t.http().get(`/api/suggestions/${suggestion.id}`)).body.implementation).toBeUndefined();

    await move(suggestion.id, 'under_review');
    await move(suggestion.id, 'planned');
    expect((await t.http().get(`/api/suggestions/${suggestion.id}`)).body.implementation).toMatchObject(notes);

    const unsafe = await t
      .http()
      .patch(`/api/suggestions/${suggestion.id}/implementation`)
      .set(bearer(staff))
      .send({ link: 'javascript:alert(1)' });
    expect(unsafe.status).toBe(400);
  });

  it('notifies the author of a comment by someone else, once, and not of their own', async () => {
    const author = await registerUser(t);
    const commenter = await registerUser(t);
    const suggestion = await submit(author);
    const comment = await t
      .http()
      .post(`/api/suggestions/${suggestion.id}/comments`)
      .set(bearer(commenter))
      .send({ body: 'Yes please, for audits.' });
    expect(comment.status).toBe(201);
    const own = await t.http().post(`/api/suggestions/${suggestion.id}/comments`).set(bearer(author)).send({ body: 'Thanks!' });
    expect(own.status).toBe(201);
    await t.app.get(EffectsRelay).sweep();

    const told = await notifications(author.id, 'suggestion-comment');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('Yes please, for audits.');
    const read = await t.http().get(`/api/suggestions/${suggestion.id}`);
    expect(read.body.commentCount).toBe(2);
    expect(read.body.comments.map((entry: { body: string }) => entry.body)).toEqual(['Thanks!', 'Yes please, for audits.']);
  });

  it('hides a suggestion and a comment from the board; the author and staff still see the suggestion', async () => {
    const author = await registerUser(t);
    const other = await registerUser(t);
    const suggestion = await submit(author);
    const comment = (await t.http().post(`/api/suggestions/${suggestion.id}/comments`).set(bearer(other)).send({ body: 'Spam link' })).body;

    const hidden = await t
      .http()
      .post(`/api/suggestions/${suggestion.id}/comments/${comment.id}/moderation`)
      .set(bearer(staff))
      .send({ hidden: true });
    expect(hidden.body.hidden).toBe(true);
    const thread = (await t.http().get(`/api/suggestions/${suggestion.id}`)).body;
    expect(thread.comments).toEqual([]);
    expect(thread.commentCount).toBe(0);

    await t.http().post(`/api/suggestions/${suggestion.id}/moderation`).set(bearer(staff)).send({ hidden: true, reason: 'Duplicate' });
    expect((await t.http().get(`/api/suggestions/${suggestion.id}`)).status).toBe(404);
    expect((await t.http().get(`/api/suggestions/${suggestion.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/suggestions/${suggestion.id}`).set(bearer(author))).body.hidden).toBe(true);
    const board = (await t.http().get('/api/suggestions').query({ sort: 'new', limit: 100 })).body;
    expect(board.items.map((item: { id: string }) => item.id)).not.toContain(suggestion.id);
    const desk = (await t.http().get('/api/suggestions/desk').query({ hidden: 'true' }).set(bearer(staff))).body;
    expect(desk.items.find((item: { id: string }) => item.id === suggestion.id)).toMatchObject({ hidden: true, hiddenReason: 'Duplicate' });
    const mine = (await t.http().get(`/api/suggestions/user/${author.id}`).set(bearer(author))).body;
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(suggestion.id);
    const theirs = (await t.http().get(`/api/suggestions/user/${author.id}`)).body;
    expect(theirs.items.map((item: { id: string }) => item.id)).not.toContain(suggestion.id);
  });

  it('refuses bad input with a problem, never a 500', async () => {
    const author = await registerUser(t);
    const post = (body: unknown) =>
      t
        .http()
        .post('/api/suggestions')
        .set(bearer(author))
        .send(body as object);
    expect((await post({ ...suggestionInput(), category: 'wishes' })).status).toBe(400);
    expect((await post({ ...suggestionInput(), title: 'x'.repeat(161) })).status).toBe(400);
    expect((await post({ ...suggestionInput(), tags: Array.from({ length: 9 }, (_, i) => `tag-${i}`) })).status).toBe(400);
    expect((await post({ ...suggestionInput(), tags: ['Not A Tag'] })).status).toBe(400);
    expect((await t.http().get('/api/suggestions').query({ sort: 'random' })).status).toBe(400);
    expect((await t.http().get('/api/suggestions/not-an-id')).status).toBe(400);
    const suggestion = await submit(author);
    expect((await t.http().post(`/api/suggestions/${suggestion.id}/vote`).set(bearer(author)).send({ direction: 'sideways' })).status).toBe(
      400,
    );
  });
});
