import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addFavorite, favoriteModel, useFavorite } from '../../support/factories/favorites.js';

describe('favorites', () => {
  let t: TestApp;
  let user: TestUser;
  let other: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [user, other, staff] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  it('adds an item once: a second add answers the same favorite with 200', async () => {
    const body = { type: 'tool', itemId: 'image-upscaler', title: 'Image upscaler', metadata: { icon: 'zoom' } };
    const first = await t.http().post('/api/favorites').set(bearer(user)).send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      userId: user.id,
      type: 'tool',
      itemId: 'image-upscaler',
      usageCount: 0,
      metadata: { icon: 'zoom' },
    });
    const again = await t.http().post('/api/favorites').set(bearer(user)).send(body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('stores one favorite when the same item is added ten times at once', async () => {
    const body = { type: 'agent', itemId: 'concurrent-agent' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.http().post('/api/favorites').set(bearer(user)).send(body)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(9);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await favoriteModel(t.app).countDocuments({ userId: user.id, itemId: 'concurrent-agent' })).toBe(1);
  });

  it('refuses unbounded metadata, unknown types and another user’s id from a non-staff caller', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, 'v']));
    expect((await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'agent', itemId: 'a', metadata: tooMany })).status).toBe(
      400,
    );
    expect(
      (
        await t
          .http()
          .post('/api/favorites')
          .set(bearer(user))
          .send({ type: 'agent', itemId: 'a', metadata: { long: 'x'.repeat(501) } })
      ).status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .post('/api/favorites')
          .set(bearer(user))
          .send({ type: 'agent', itemId: 'a', metadata: { n: 1 } })
      ).status,
    ).toBe(400);
    expect((await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'planet', itemId: 'a' })).status).toBe(400);
    expect((await t.http().post('/api/favorites').set(bearer(user)).send({ type: 'agent', itemId: 'has space' })).status).toBe(400);
    expect((await t.http().post('/api/favorites').set(bearer(other)).send({ userId: user.id, type: 'agent', itemId: 'a' })).status).toBe(
      404,
    );
    const forUser = await t
      .http()
      .post('/api/favorites')
      .set(bearer(staff))
      .send({ userId: user.id, type: 'agent', itemId: 'staff-added' });
    expect(forUser.status).toBe(201);
    expect(forUser.body.userId).toBe(user.id);
  });

  it('answers the check with the favorite’s id, or favorited false', async () => {
    const owner = await registerUser(t);
    const favorite = await addFavorite(t.app, owner, { type: 'template', itemId: 'weekly-report' });
    const yes = await t.http().get(`/api/favorites/check/${owner.id}/template/weekly-report`).set(bearer(owner));
    expect(yes.status).toBe(200);
    expect(yes.body).toEqual({ favorited: true, favoriteId: favorite.id });
    const no = await t.http().get(`/api/favorites/check/${owner.id}/agent/weekly-report`).set(bearer(owner));
    expect(no.body).toEqual({ favorited: false });
    expect((await t.http().get(`/api/favorites/check/${owner.id}/template/weekly-report`).set(bearer(staff))).body.favorited).toBe(true);
    expect((await t.http().get(`/api/favorites/check/${owner.id}/template/weekly-report`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/favorites/check/${owner.id}/planet/weekly-report`).set(bearer(owner))).status).toBe(400);
  });

  it('counts 50 concurrent uses as 50', async () => {
    const owner = await registerUser(t);
    const favorite = await addFavorite(t.app, owner);
    const uses = await Promise.all(Array.from({ length: 50 }, () => t.http().post(`/api/favorites/${favorite.id}/use`).set(bearer(owner))));
    expect(uses.every((use) => use.status === 200)).toBe(true);
    const stored = await favoriteModel(t.app).findById(favorite.id).lean();
    expect(stored?.usageCount).toBe(50);
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('lists by recent use or by use count, filtered by type and folder', async () => {
    const owner = await registerUser(t);
    const a = await addFavorite(t.app, owner, { itemId: 'a', folder: 'Work' });
    const b = await addFavorite(t.app, owner, { itemId: 'b', type: 'tool' });
    const c = await addFavorite(t.app, owner, { itemId: 'c', folder: 'work ' });
    await useFavorite(t.app, owner, b.id, 3);
    await useFavorite(t.app, owner, a.id, 1);
    const ids = async (query: Record<string, string>) =>
      (await t.http().get(`/api/favorites/user/${owner.id}`).query(query).set(bearer(owner))).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await ids({ sort: 'recent' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ sort: 'most-used' })).toEqual([b.id, a.id, c.id]);
    expect(await ids({ type: 'tool' })).toEqual([b.id]);
    expect(await ids({ folder: 'WORK' })).toEqual([a.id, c.id]);
    expect((await t.http().get(`/api/favorites/user/${owner.id}`).set(bearer(staff))).body.total).toBe(3);
    expect((await t.http().get(`/api/favorites/user/${owner.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/favorites/user/${owner.id}`).query({ sort: 'oldest' }).set(bearer(owner))).status).toBe(400);
  });

  it('lists folders with their counts by name, one folder whatever the case', async () => {
    const owner = await registerUser(t);
    await addFavorite(t.app, owner, { folder: 'Work' });
    await addFavorite(t.app, owner, { folder: '  WORK  ' });
    await addFavorite(t.app, owner, { folder: 'art' });
    await addFavorite(t.app, owner);
    const folders = await t.http().get(`/api/favorites/folders/${owner.id}`).set(bearer(owner));
    expect(folders.status).toBe(200);
    expect(folders.body).toEqual({
      items: [
        { name: 'art', count: 1 },
        { name: 'Work', count: 2 },
      ],
      unfiled: 1,
    });
    expect((await t.http().get(`/api/favorites/folders/${owner.id}`).set(bearer(other))).status).toBe(404);
  });

  it('renames a folder with all its items, and deleting one leaves its items in no folder', async () => {
    const owner = await registerUser(t);
    await addFavorite(t.app, owner, { folder: 'Drafts' });
    await addFavorite(t.app, owner, { folder: 'drafts' });
    await addFavorite(t.app, owner, { folder: 'Keep' });
    const renamed = await t.http().patch(`/api/favorites/folders/${owner.id}/DRAFTS`).set(bearer(owner)).send({ name: ' Keep ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ name: 'Keep', count: 3 });
    expect((await t.http().patch(`/api/favorites/folders/${owner.id}/Keep`).set(bearer(staff)).send({ name: 'x' })).status).toBe(403);
    expect((await t.http().delete(`/api/favorites/folders/${owner.id}/keep`).set(bearer(owner))).status).toBe(204);
    const folders = await t.http().get(`/api/favorites/folders/${owner.id}`).set(bearer(owner));
    expect(folders.body).toEqual({ items: [], unfiled: 3 });
    expect((await t.http().delete(`/api/favorites/folders/${owner.id}/keep`).set(bearer(owner))).status).toBe(404);
  });

  it('changes and removes only the owner’s favorite: another user gets 404, staff 403', async () => {
    const owner = await registerUser(t);
    const favorite = await addFavorite(t.app, owner, { type: 'workflow', itemId: 'nightly-digest', folder: 'Ops' });
    const patched = await t
      .http()
      .patch(`/api/favorites/${favorite.id}`)
      .set(bearer(owner))
      .send({ title: 'Digest', notes: 'runs at 2am', folder: null, metadata: { schedule: 'daily' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Digest', notes: 'runs at 2am', metadata: { schedule: 'daily' } });
    expect(patched.body.folder).toBeUndefined();
    expect((await t.http().patch(`/api/favorites/${favorite.id}`).set(bearer(other)).send({ title: 'x' })).status).toBe(404);
    expect((await t.http().patch(`/api/favorites/${favorite.id}`).set(bearer(staff)).send({ title: 'x' })).status).toBe(403);
    expect((await t.http().post(`/api/favorites/${favorite.id}/use`).set(bearer(other))).status).toBe(404);
    expect((await t.http().delete(`/api/favorites/${owner.id}/workflow/nightly-digest`).set(bearer(other))).status).toBe(404);
    expect((await t.http().delete(`/api/favorites/${owner.id}/workflow/nightly-digest`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().delete(`/api/favorites/${owner.id}/workflow/nightly-digest`).set(bearer(owner))).status).toBe(404);
    expect((await t.http().get(`/api/favorites/check/${owner.id}/workflow/nightly-digest`).set(bearer(owner))).body.favorited).toBe(false);
  });

  it('are erased with a deleted account; other users’ stay', async () => {
    const leaving = await registerUser(t);
    const staying = await registerUser(t);
    for (const person of [leaving, staying]) await addFavorite(t.app, person, { folder: 'Mine' });
    expect((await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password })).status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    expect(await favoriteModel(t.app).countDocuments({ userId: leaving.id })).toBe(0);
    expect(await favoriteModel(t.app).countDocuments({ userId: staying.id })).toBe(1);
  });
});
