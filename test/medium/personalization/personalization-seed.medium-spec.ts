import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedPersonalization } from '../../../src/cli/seeders/personalization.seeder.js';
import { PersonalizationService } from '../../../src/modules/personalization/personalization.service.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { personalizationModel, savePrompt } from '../../support/factories/personalization.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the personalization seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it('seeds settings the API reads, adds nothing on a rerun, and leaves them writable', async () => {
    const [first] = await Promise.all([account(app), account(app), account(app)]);
    const progress = new SeedProgress();
    expect(await seedPersonalization(app, progress)).toBe(3);
    expect(await seedPersonalization(app, progress)).toBe(0);
    const seeded = await personalizationModel(app).findOne({ userId: first.id }).lean();
    const read = await app.get(PersonalizationService).get(contextOf(first), seeded!.agentId);
    expect(read.customized).toBe(true);
    expect(read.savedPrompts.length).toBe(seeded!.savedPrompts.length);
    const added = await savePrompt(app, first, seeded!.agentId);
    expect(added.order).toBe(seeded!.savedPrompts.length);
  });
});
