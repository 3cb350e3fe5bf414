import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { commentModel, suggestionInput, voteModel } from '../../support/factories/suggestions.js';

describe('a deleted account on the board', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('takes its votes (recounted) and comments; its suggestions stay without an author', async () => {
    const leaving = await registerUser(t);
    const staying = await registerUser(t);
    const theirs = (await t.http().post('/api/suggestions').set(bearer(leaving)).send(suggestionInput())).body;
    const other = (await t.http().post('/api/suggestions').set(bearer(staying)).send(suggestionInput())).body;
    for (const user of [leaving, staying]) {
      await t.http().post(`/api/suggestions/${other.id}/vote`).set(bearer(user)).send({ direction: 'up' });
      await t.http().post(`/api/suggestions/${other.id}/comments`).set(bearer(user)).send({ body: 'Personal opinion.' });
    }
    await t.http().post(`/api/suggestions/${theirs.id}/vote`).set(bearer(staying)).send({ direction: 'down' });

    const deleted = await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password });
    expect(deleted.status).toBe(204);
    await t.app.get(EffectsRelay).sweep();

    expect(await voteModel(t.app).countDocuments({ userId: leaving.id })).toBe(0);
    expect(await commentModel(t.app).countDocuments({ authorId: leaving.id })).toBe(0);
    const board = (await t.http().get(`/api/suggestions/${other.id}`)).body;
    expect(board).toMatchObject({ votes: { up: 1, down: 0 }, score: 1, commentCount: 1 });
    const kept = (await t.http().get(`/api/suggestions/${theirs.id}`)).body;
    expect(kept.authorId).toBeUndefined();
    expect(kept.authorName).toBe('Former member');
    expect(kept.votes).toEqual({ up: 0, down: 1 });
  });
});
