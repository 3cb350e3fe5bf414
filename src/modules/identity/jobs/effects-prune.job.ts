import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { AccountDeletionService } from '../account-deletion.service.js';

const EVERY_MS = 60_000;

/** Effects the relay finished on a retry stay on the user document; this removes them (and the addresses they carry). */
@Injectable()
export class EffectsPruneJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly deletion: AccountDeletionService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('identity.effects-prune', EVERY_MS, async () => ({ items: await this.deletion.pruneDone() }));
  }
}
