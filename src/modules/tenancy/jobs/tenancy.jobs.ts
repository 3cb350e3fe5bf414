import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { InvitesService } from '../invites.service.js';
import { INVITE_RETENTION_DAYS } from '../schemas/invite.schema.js';
import { TenantsRepository } from '../tenants.repository.js';

const EVERY_MS = 60_000;
const DAY_MS = 86_400_000;
/** Long enough that the request which created an invite has owed its email. */
const UNMAILED_AFTER_MS = 2 * 60_000;
const DONE_EFFECTS_KEPT_MS = 3_600_000;

/**
 * Invite upkeep once a minute: pending invites past their time become expired; settled and expired
 * ones older than the retention go (what a TTL monitor does on a real server); an invite whose email
 * a crash left unowed is sent afresh; delivered effects leave the tenant documents.
 */
@Injectable()
export class TenancyJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly invites: InvitesService,
    private readonly tenants: TenantsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('tenancy.invites', EVERY_MS, () => this.run());
  }

  async run(now = new Date()): Promise<{ items: number }> {
    const expired = await this.invites.expireDue(now);
    const purged = await this.invites.purgeOld(new Date(now.getTime() - INVITE_RETENTION_DAYS * DAY_MS));
    const repaired = await this.invites.repairUnmailed(new Date(now.getTime() - UNMAILED_AFTER_MS));
    const pruned = await this.tenants.pruneDoneEffects(new Date(now.getTime() - DONE_EFFECTS_KEPT_MS));
    return { items: expired + purged + repaired + pruned };
  }
}
