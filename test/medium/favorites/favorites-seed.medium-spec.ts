import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedFavorites } from '../../../src/cli/seeders/favorites.seeder.js';
import { FavoriteTally } from '../../../src/modules/favorites/schemas/favorite-tally.schema.js';
import { addFavorite, favoriteModel } from '../../support/factories/favorites.js';
import { account } from '../../support/factories/identity.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the favorites seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it('seeds favorites the API can list, adds nothing on a rerun, and counts them in the users’ tallies', async () => {
    const users = await Promise.all([account(app), account(app)]);
    const progress = new SeedProgress();
    const added = await seedFavorites(app, progress);
    expect(added).toBe(12);
    expect(await seedFavorites(app, progress)).toBe(0);
    expect(await favoriteModel(app).countDocuments()).toBe(12);
    const tallies = app.get<Model<FavoriteTally>>(getModelToken(FavoriteTally.name));
    expect((await tallies.findById(users[0].id).lean())?.count).toBe(6);

    // Adding one afterwards goes through the same cap and uniqueness as the API.
    await addFavorite(app, users[0], { type: 'agent', itemId: 'after-seed' });
    expect((await tallies.findById(users[0].id).lean())?.count).toBe(7);
  });
});
