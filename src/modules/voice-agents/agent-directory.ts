import { Injectable } from '@nestjs/common';
import { trusted } from 'mongoose';
import { normalizePhone } from '../../core/phone/index.js';
import type { AgentStatus } from './voice-agent.lifecycle.js';
import { agentIncomplete, agentNotActive, numberNotActive, unknownReference } from './voice-agents-problems.js';
import { VoiceAgentsRecords } from './voice-agents.records.js';

/** An agent as a call needs it: its voice and number resolved, its prompts. */
export interface AgentForCall {
  id: string;
  tenantId: string;
  name: string;
  status: AgentStatus;
  voice: { id: string; provider: string; providerVoiceId: string; name: string; language?: string };
  number: { id: string; e164: string; provider: string; providerNumberId?: string };
  prompts: {
    agentInstructions?: string;
    systemInstructions?: string;
    outboundPrompt?: string;
    inboundPrompt?: string;
    firstMessage?: string;
  };
}

/** Which tenant (and default agent) a number belongs to. */
export interface ResolvedNumber {
  tenantId: string;
  phoneNumberId: string;
  e164: string;
  agentId?: string;
}

const present = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** What other contexts ask of agents: the one ready to place a call. */
@Injectable()
export class AgentDirectory {
  constructor(private readonly records: VoiceAgentsRecords) {}

  /**
   * The tenant's agent ready to call: 422 `voice-agent-not-found` (naming `agentId`, which callers take from a body or a
   * batch) when not in the tenant, 409 `agent-not-active` when not active.
   */
  async forCall(tenantId: string, agentId: string): Promise<AgentForCall> {
    const agent = await this.records.agent(tenantId, agentId);
    if (!agent) throw unknownReference('agentId', 'voice agent');
    if (agent.status !== 'active') throw agentNotActive(agent.status);
    const voice = agent.voiceId ? await this.records.voice(tenantId, agent.voiceId) : null;
    const number = agent.defaultNumberId ? await this.records.number(tenantId, agent.defaultNumberId.toString()) : null;
    if (!voice || !number) throw agentIncomplete([...(voice ? [] : ['voiceId']), ...(number ? [] : ['defaultNumberId'])]);
    if (number.status !== 'active') throw numberNotActive(number.status);
    return {
      id: agent._id.toString(),
      tenantId: agent.tenantId.toString(),
      name: agent.name,
      status: agent.status,
      voice: present({
        id: voice.id,
        provider: voice.provider,
        providerVoiceId: voice.providerVoiceId,
        name: voice.name,
        language: voice.language,
      }),
      number: present({
        id: number._id.toString(),
        e164: number.e164,
        provider: number.provider,
        providerNumberId: number.providerNumberId,
      }),
      prompts: present({
        agentInstructions: agent.agentInstructions,
        systemInstructions: agent.systemInstructions,
        outboundPrompt: agent.outboundPrompt,
        inboundPrompt: agent.inboundPrompt,
        firstMessage: agent.firstMessage,
      }),
    };
  }
}

/** Inbound calls: whose number was dialled, across tenants. */
@Injectable()
export class PhoneResolver {
  constructor(private readonly records: VoiceAgentsRecords) {}

  /**
   * Which tenant (and default agent) owns this number; null when nobody does, or when its tenant released it.
   * A suspended number is still its tenant’s: it is answered, and the agent directory refuses to call from it.
   */
  async resolve(e164: string): Promise<ResolvedNumber | null> {
    const normalized = normalizePhone(e164);
    if (!normalized) return null;
    const [number] = await this.records.numbers.findAcrossTenants({ e164: normalized.e164, status: trusted({ $ne: 'released' }) });
    if (!number) return null;
    return present({
      tenantId: number.tenantId.toString(),
      phoneNumberId: number._id.toString(),
      e164: number.e164,
      agentId: number.defaultAgentId?.toString(),
    });
  }
}
