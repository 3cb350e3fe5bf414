import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { EXPERIMENT_TYPES } from '../../modules/lab/experiment-types.js';
import type { ExperimentStatus } from '../../modules/lab/experiment.lifecycle.js';
import { LabExperiment } from '../../modules/lab/schemas/lab-experiment.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const RUNS = 300;
const OWNERS = 100;
const DAY_MS = 86_400_000;
/** Most runs succeed, some fail, a few are still queued or running. */
const STATUS_CYCLE: ExperimentStatus[] = ['succeeded', 'succeeded', 'succeeded', 'failed', 'succeeded', 'running', 'succeeded', 'queued'];
const PATHS: Record<ExperimentStatus, ExperimentStatus[]> = {
  queued: ['queued'],
  running: ['queued', 'running'],
  succeeded: ['queued', 'running', 'succeeded'],
  failed: ['queued', 'running', 'failed'],
};

/** Lab runs of the seeded users over the last 30 days; ids derive from the index, so a rerun inserts nothing. */
export async function seedLab(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = await app
    .get<Model<User>>(getModelToken(User.name))
    .find({}, { _id: 1 })
    .sort({ _id: 1 })
    .limit(OWNERS)
    .lean<{ _id: Types.ObjectId }[]>();
  if (users.length === 0) return 0;
  const runs = app.get<Model<LabExperiment>>(getModelToken(LabExperiment.name));
  progress.start('lab runs', RUNS);
  const now = Date.now();
  const documents = Array.from({ length: RUNS }, (_, index) => {
    const status = STATUS_CYCLE[index % STATUS_CYCLE.length];
    const createdAt = new Date(now - ((index * 7919) % (30 * DAY_MS)));
    const finished = status === 'succeeded' || status === 'failed';
    const processingTime = 500 + ((index * 104_729) % 90_000);
    return {
      experimentId: `seed-lab-${String(index + 1).padStart(6, '0')}`,
      experimentType: EXPERIMENT_TYPES[index % EXPERIMENT_TYPES.length],
      userId: users[index % users.length]._id,
      input: { prompt: `Seeded run ${index + 1}` },
      output: status === 'succeeded' ? { summary: `Result of seeded run ${index + 1}` } : undefined,
      status,
      processingTime: finished ? processingTime : undefined,
      tokensUsed: finished ? 50 + ((index * 31) % 4000) : undefined,
      error: status === 'failed' ? { code: 'timeout', message: 'The model did not answer in time.' } : undefined,
      notify: false,
      finishedAt: finished ? new Date(createdAt.getTime() + processingTime) : undefined,
      audit: PATHS[status].map((to, step) =>
        auditEntry(step === 0 ? null : PATHS[status][step - 1], to, { trigger: 'owner', source: 'seed' }, createdAt),
      ),
      createdAt,
      updatedAt: createdAt,
    };
  });
  const inserted = await insertManySkippingDuplicates(runs, documents, { timestamps: false });
  progress.advance(RUNS);
  progress.stop();
  return inserted;
}
