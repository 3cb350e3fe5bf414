import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { favoriteModel } from '../../support/factories/favorites.js';

describe('the per-user favorites cap', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.FAVORITES_MAX_PER_USER = '3';
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('holds under concurrent adds, and a removal frees a slot', async () => {
    const user = await registerUser(t);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        t
          .http()
          .post('/api/favorites')
          .set(bearer(user))
          .send({ type: 'agent', itemId: `agent-${index}` }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(7);
    expect(refused[0].body).toMatchObject({ type: 'urn:atrium:problem:favorites-limit', limit: 3 });
    expect(await favoriteModel(t.app).countDocuments({ userId: user.id })).toBe(3);

    const kept = answers.find((answer) => answer.status === 201)!.body as { itemId: string; id: string };
    const again = await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'agent', itemId: kept.itemId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(kept.id);

    expect((await t.http().delete(`/api/favorites/${user.id}/agent/${kept.itemId}`).set(bearer(user))).status).toBe(204);
    expect((await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'tool', itemId: 'after-removal' })).status).toBe(201);
    expect((await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'tool', itemId: 'one-too-many' })).status).toBe(409);
  });

  it('counts each user apart', async () => {
    const [first, second] = await Promise.all([registerUser(t), registerUser(t)]);
    for (const user of [first, second])
      for (const itemId of ['x', 'y', 'z'])
        expect((await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'content', itemId })).status).toBe(201);
  });
});
