import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { AccountDeletionService } from '../account-deletion.service.js';

const EVERY_MS = 60_000;

/** Erasures the relay finished on a retry leave done effects behind; this removes them (and the address they carry). */
@Injectable()
export class AccountErasureJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly deletion: AccountDeletionService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('identity.erasure-prune', EVERY_MS, async () => ({ items: await this.deletion.pruneErased() }));
  }
}
