import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { seedLab } from '../../../src/cli/seeders/lab.seeder.js';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { experimentLifecycle } from '../../../src/modules/lab/experiment.lifecycle.js';
import { ExperimentsService } from '../../../src/modules/lab/experiments.service.js';
import { account } from '../../support/factories/identity.js';
import { experimentModel } from '../../support/factories/lab.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('the lab seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    await Promise.all([account(app), account(app)]);
  });
  afterAll(() => close?.());

  it('seeds runs in every status with their history, readable by the service, and nothing on a rerun', async () => {
    const progress = new SeedProgress();
    expect(await seedLab(app, progress)).toBe(300);
    expect(await seedLab(app, progress)).toBe(0);
    const runs = await experimentModel(app).find().lean();
    expect(new Set(runs.map((run) => run.status))).toEqual(new Set(experimentLifecycle.states));
    for (const run of runs) expect(run.audit.at(-1)!.to).toBe(run.status);
    const read = await app.get(ExperimentsService).get(systemContext('seed'), runs[0].experimentId);
    expect(read.experimentId).toBe(runs[0].experimentId);
  });
});
