import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Role } from '../../../src/core/auth/roles.js';
import type { ExperimentDto } from '../../../src/modules/lab/dto/experiment.dto.js';
import type { TrackExperimentDto } from '../../../src/modules/lab/dto/track-experiment.dto.js';
import { ExperimentsService } from '../../../src/modules/lab/experiments.service.js';
import { LabExperiment } from '../../../src/modules/lab/schemas/lab-experiment.schema.js';
import { contextOf } from './identity.js';

export const experimentModel = (app: INestApplicationContext) => app.get<Model<LabExperiment>>(getModelToken(LabExperiment.name));

/** A fresh run report: a queued neural-art run with its own id. */
export const runReport = (overrides: Partial<TrackExperimentDto> = {}): TrackExperimentDto => ({
  experimentId: randomUUID(),
  experimentType: 'neural-art',
  status: 'queued',
  input: { prompt: 'a lighthouse in a storm, oil on canvas' },
  ...overrides,
});

/** A run reported by `owner` through the service, as the tracking route would. */
export function reportRun(
  app: INestApplicationContext,
  owner: { id: string; role?: Role },
  overrides: Partial<TrackExperimentDto> = {},
): Promise<ExperimentDto> {
  return app.get(ExperimentsService).track(contextOf(owner), runReport(overrides));
}

/** Moves a run's creation back in time, as if it had been started `ms` ago. */
export async function ageRun(app: INestApplicationContext, experimentId: string, ms: number): Promise<void> {
  await experimentModel(app).collection.updateOne({ experimentId }, { $set: { createdAt: new Date(Date.now() - ms) } });
}

/** Puts a run's owed effects back to pending, as after a crash between running them and marking them done. */
export async function replayRunEffects(app: INestApplicationContext, experimentId: string): Promise<void> {
  await experimentModel(app).collection.updateOne(
    { experimentId },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}
