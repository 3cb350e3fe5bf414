import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { EffectsRelay } from '../../core/events/index.js';
import type { EffectRequest } from '../../core/events/owed-effect.js';
import type { LeadStatus } from './leads.events.js';
import { Lead } from './schemas/lead.schema.js';

/** What a lead change owes: one `lead.updated` per change, keyed by a fresh id (each occurrence is its own). */
@Injectable()
export class LeadEvents {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(Lead.name) private readonly leads: Model<Lead>,
  ) {}

  owe(lead: { _id: Types.ObjectId; tenantId: Types.ObjectId; status: LeadStatus }, changes: string[], at = new Date()): EffectRequest[] {
    return this.relay.owe(
      'lead.updated',
      {
        tenantId: lead.tenantId.toString(),
        leadId: lead._id.toString(),
        leadStatus: lead.status,
        leadChanges: changes.slice(0, 20),
        leadUpdatedAt: at.toISOString(),
      },
      `lead-updated:${lead._id.toString()}:${new Types.ObjectId().toString()}`,
    );
  }

  /** Runs what the lead owes now, then drops the effects that are done, so a lead's effects do not pile up. */
  async deliver(lead: Pick<Lead, '_id' | 'tenantId' | 'effects'>): Promise<void> {
    if (!lead.effects?.length) return;
    await this.relay.deliver(this.leads, lead);
    await this.leads
      .updateOne({ tenantId: lead.tenantId, _id: lead._id, 'effects.state': 'done' }, { $pull: { effects: { state: 'done' } } })
      .catch(() => undefined);
  }
}
