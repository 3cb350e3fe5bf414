import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { EffectsRelay } from '../../../core/events/index.js';
import type { TenantClosedEvent } from '../../tenancy/index.js';
import { VoiceAgentsRecords } from '../voice-agents.records.js';

/** A closed tenant's agents, numbers and voices are deleted (its numbers free for others); twice deletes nothing more. */
@Injectable()
export class VoiceAgentsTenancyListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly records: VoiceAgentsRecords,
  ) {}

  onModuleInit(): void {
    this.relay.on('tenant.closed', 'voice-agents', async ({ tenantId }: TenantClosedEvent) => {
      if (!Types.ObjectId.isValid(tenantId)) return;
      const id = new Types.ObjectId(tenantId);
      // Agents first: nothing can call with an agent whose number is already gone.
      await this.records.agents.deleteMany({ tenantId: id });
      await this.records.numbers.deleteMany({ tenantId: id });
      await this.records.voices.deleteMany({ tenantId: id });
    });
  }
}
