import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { scoped, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { PhoneNumber } from './schemas/phone-number.schema.js';
import { VoiceAgent } from './schemas/voice-agent.schema.js';
import { Voice } from './schemas/voice.schema.js';
import { isCatalogueRef } from './voice-agents.constants.js';
import { catalogueVoice } from './voice-catalogue.js';

/** A voice an agent speaks with, whichever side of the catalogue it comes from. */
export interface ResolvedVoice {
  id: string;
  source: 'catalogue' | 'tenant';
  provider: string;
  providerVoiceId: string;
  name: string;
  language?: string;
}

export const oid = (id: string | Types.ObjectId) => (typeof id === 'string' ? new Types.ObjectId(id) : id);
const isObjectIdHex = (id: string) => /^[0-9a-f]{24}$/i.test(id);

/**
 * The three collections and the look-ups that cross them (an agent's voice and number, a number's agent),
 * always inside one tenant: another tenant's id answers exactly what an unknown id answers.
 */
@Injectable()
export class VoiceAgentsRecords {
  readonly voices: TenantScoped<Voice>;
  readonly numbers: TenantScoped<PhoneNumber>;
  readonly agents: TenantScoped<VoiceAgent>;

  constructor(
    @InjectModel(Voice.name) voiceModel: Model<Voice>,
    @InjectModel(PhoneNumber.name) numberModel: Model<PhoneNumber>,
    @InjectModel(VoiceAgent.name) agentModel: Model<VoiceAgent>,
  ) {
    this.voices = scoped(voiceModel);
    this.numbers = scoped(numberModel);
    this.agents = scoped(agentModel);
  }

  /** A catalogue voice, or the tenant's own voice; null for anything else (another tenant's included). */
  async voice(tenantId: string, voiceId: string): Promise<ResolvedVoice | null> {
    if (isCatalogueRef(voiceId)) {
      const voice = catalogueVoice(voiceId);
      return voice
        ? {
            id: voice.id,
            source: 'catalogue',
            provider: voice.provider,
            providerVoiceId: voice.providerVoiceId,
            name: voice.name,
            language: voice.language,
          }
        : null;
    }
    if (!isObjectIdHex(voiceId)) return null;
    const voice = await this.voices.findOne({ tenantId: oid(tenantId), _id: oid(voiceId) });
    if (!voice) return null;
    return {
      id: voice._id.toString(),
      source: 'tenant',
      provider: voice.provider,
      providerVoiceId: voice.providerVoiceId,
      name: voice.name,
      ...(voice.language ? { language: voice.language } : {}),
    };
  }

  number(tenantId: string, numberId: string): Promise<PhoneNumber | null> {
    if (!isObjectIdHex(numberId)) return Promise.resolve(null);
    return this.numbers.findOne({ tenantId: oid(tenantId), _id: oid(numberId) });
  }

  agent(tenantId: string, agentId: string): Promise<VoiceAgent | null> {
    if (!isObjectIdHex(agentId)) return Promise.resolve(null);
    return this.agents.findOne({ tenantId: oid(tenantId), _id: oid(agentId) });
  }

  /** Agents (not archived) that would lose their voice or number; named in a 409. */
  async agentsUsing(tenantId: string, filter: { voiceId: string } | { defaultNumberId: Types.ObjectId }, includeArchived: boolean) {
    const agents = await this.agents.model
      .find({ tenantId: oid(tenantId), ...filter, ...(includeArchived ? {} : { status: trusted({ $ne: 'archived' }) }) }, { name: 1 })
      .limit(20)
      .lean<{ _id: Types.ObjectId; name: string }[]>();
    return agents.map((agent) => ({ id: agent._id.toString(), name: agent.name }));
  }
}
