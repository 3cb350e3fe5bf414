import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedSuggestions } from '../../../src/cli/seeders/suggestions.seeder.js';
import { suggestionLifecycle } from '../../../src/modules/suggestions/suggestion.lifecycle.js';
import { SUGGESTION_CATEGORIES } from '../../../src/modules/suggestions/suggestion-fields.js';
import { VotesService } from '../../../src/modules/suggestions/votes.service.js';
import { startMediumApp } from '../../support/medium-app.js';
import { account, commentModel, submitSuggestion, suggestionModel, voteModel } from '../../support/factories/suggestions.js';

describe('the suggestions seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    await Promise.all([account(app), account(app), account(app), account(app, 'staff')]);
  });
  afterAll(() => close?.());

  it(
    'seeds a board of every category and status whose counters match its votes, and adds nothing on a rerun',
    { timeout: 90_000 },
    async () => {
      const progress = new SeedProgress();
      const inserted = await seedSuggestions(app, progress);
      const [suggestions, votes, comments] = await Promise.all([
        suggestionModel(app).countDocuments(),
        voteModel(app).countDocuments(),
        commentModel(app).countDocuments(),
      ]);
      expect(suggestions).toBe(300);
      expect(inserted).toBe(suggestions + votes + comments);
      expect(await seedSuggestions(app, progress)).toBe(0);

      expect((await suggestionModel(app).distinct('category')).sort()).toEqual([...SUGGESTION_CATEGORIES].sort());
      expect((await suggestionModel(app).distinct('status')).sort()).toEqual([...suggestionLifecycle.states].sort());
      expect(votes).toBeGreaterThan(0);
      expect(comments).toBeGreaterThan(0);
      // The counters are what the votes say: a recount corrects nothing.
      expect(await app.get(VotesService).recountAll(systemContext('seed-check'))).toBe(0);

      // A suggestion submitted afterwards continues the board's counter.
      const seeded = await suggestionModel(app).findOne().lean();
      const fresh = await submitSuggestion(app, { id: seeded!.authorId!.toString() });
      expect(await suggestionModel(app).countDocuments({ suggestionId: fresh.suggestionId })).toBe(1);
    },
  );
});
