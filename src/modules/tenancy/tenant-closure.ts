import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { scoped } from '../../core/database/tenant-scoped.js';
import { EffectsRelay } from '../../core/events/index.js';
import { MembershipsRepository } from './memberships.repository.js';
import { Invite } from './schemas/invite.schema.js';
import { Team } from './schemas/team.schema.js';

/** The effect a closed tenant owes itself: removing what it held. */
export const CLOSE_CASCADE_EFFECT = 'tenancy.close-cascade';

/**
 * What closing a tenant removes: memberships, invites, teams and their members. Owed by the close
 * itself and idempotent (deleting what is already gone deletes nothing), so a crash halfway is
 * finished by the relay's sweep.
 */
@Injectable()
export class TenantClosure implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly memberships: MembershipsRepository,
    @InjectModel(Invite.name) private readonly invites: Model<Invite>,
    @InjectModel(Team.name) private readonly teams: Model<Team>,
  ) {}

  onModuleInit(): void {
    this.relay.handle(CLOSE_CASCADE_EFFECT, async (payload) => {
      await this.removeEverythingOf(new Types.ObjectId(String(payload.tenantId)));
    });
  }

  async removeEverythingOf(tenantId: Types.ObjectId): Promise<void> {
    await Promise.all([
      this.memberships.removeAllOf(tenantId),
      scoped(this.invites).deleteMany({ tenantId }),
      scoped(this.teams).deleteMany({ tenantId }),
    ]);
  }
}
