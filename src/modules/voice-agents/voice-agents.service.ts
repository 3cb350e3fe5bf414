import { Injectable } from '@nestjs/common';
import { trusted } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact } from '../../core/database/find-page.js';
import { TenantCaps } from '../../core/database/tenant-caps.js';
import type { Page } from '../../core/http/pagination.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { originOf, transition } from '../../core/lifecycle/index.js';
import type { CreateVoiceAgentDto, UpdateVoiceAgentDto, VoiceAgentDto, VoiceAgentQueryDto } from './dto/voice-agent.dto.js';
import type { PhoneNumber } from './schemas/phone-number.schema.js';
import type { VoiceAgent } from './schemas/voice-agent.schema.js';
import { agentLifecycle, type AgentStatus } from './voice-agent.lifecycle.js';
import {
  agentArchived,
  agentIncomplete,
  agentNotDraft,
  limitReached,
  notFound,
  numberNotActive,
  unknownReference,
} from './voice-agents-problems.js';
import { VoiceAgentsConfig } from './voice-agents.config.js';
import { toVoiceAgentDto } from './voice-agents.mapper.js';
import { oid, VoiceAgentsRecords } from './voice-agents.records.js';
import { managerTrigger } from './voice-agents.triggers.js';

/** The prompt fields, copied as given (an empty string clears one). */
const promptsOf = (input: UpdateVoiceAgentDto) =>
  compact({
    agentInstructions: input.agentInstructions,
    systemInstructions: input.systemInstructions,
    outboundPrompt: input.outboundPrompt,
    inboundPrompt: input.inboundPrompt,
    firstMessage: input.firstMessage,
  });

/** Voice agents: their configuration and their lifecycle. */
@Injectable()
export class VoiceAgentsService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly records: VoiceAgentsRecords,
    private readonly caps: TenantCaps,
    private readonly config: VoiceAgentsConfig,
  ) {}

  list(ctx: RequestContext, tenantId: string, query: VoiceAgentQueryDto): Promise<Page<VoiceAgentDto>> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    return this.records.agents.findPage(compact({ tenantId: oid(tenantId), status: query.status }), query, toVoiceAgentDto, {
      createdAt: -1,
    });
  }

  async get(ctx: RequestContext, tenantId: string, agentId: string): Promise<VoiceAgentDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    return toVoiceAgentDto(await this.load(tenantId, agentId));
  }

  async create(ctx: RequestContext, tenantId: string, input: CreateVoiceAgentDto): Promise<VoiceAgentDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    if (input.voiceId !== undefined) await this.requireVoice(tenantId, input.voiceId);
    if (input.defaultNumberId !== undefined) await this.requireNumber(tenantId, input.defaultNumberId);
    const max = this.config.VOICE_AGENTS_MAX_PER_TENANT;
    const agent = await this.caps.create(
      this.records.agents,
      {
        tenantId: oid(tenantId),
        name: input.name.trim(),
        voiceId: input.voiceId,
        defaultNumberId: input.defaultNumberId ? oid(input.defaultNumberId) : undefined,
        createdBy: oid(ctx.actor!.id),
        ...promptsOf(input),
        status: agentLifecycle.table.initial,
      },
      max,
      () => limitReached('voice agents', max),
    );
    return toVoiceAgentDto(agent);
  }

  /**
   * Changes the configuration. Voice and number are replaced, never cleared, so an active agent always has both;
   * an active or paused agent's new number must itself be active. Archived agents no longer change.
   */
  async update(ctx: RequestContext, tenantId: string, agentId: string, input: UpdateVoiceAgentDto): Promise<VoiceAgentDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const before = await this.load(tenantId, agentId);
    if (before.status === 'archived') throw agentArchived();
    if (input.voiceId !== undefined) await this.requireVoice(tenantId, input.voiceId);
    if (input.defaultNumberId !== undefined) {
      const number = await this.requireNumber(tenantId, input.defaultNumberId);
      if (before.status !== 'draft' && number.status !== 'active') throw numberNotActive(number.status);
    }
    const set = compact({
      name: input.name?.trim(),
      voiceId: input.voiceId,
      defaultNumberId: input.defaultNumberId ? oid(input.defaultNumberId) : undefined,
      ...promptsOf(input),
    });
    if (Object.keys(set).length === 0) return toVoiceAgentDto(before);
    // Guarded on "not archived": an archive landing meanwhile wins, and this answers 409.
    const agent = await this.records.agents.findOneAndUpdate(
      { tenantId: before.tenantId, _id: before._id, status: trusted({ $ne: 'archived' }) },
      { $set: set },
    );
    if (!agent) throw agentArchived();
    return toVoiceAgentDto(agent);
  }

  /** Only a draft is deleted (nothing ever called with it); any other agent is archived instead. */
  async remove(ctx: RequestContext, tenantId: string, agentId: string): Promise<void> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const agent = await this.load(tenantId, agentId);
    if (agent.status !== 'draft') throw agentNotDraft(agent.status);
    const deleted = await this.records.agents.findOneAndDelete({ tenantId: agent.tenantId, _id: agent._id, status: 'draft' });
    if (!deleted) throw agentNotDraft('no longer a draft');
    await this.forgetAsDefault(agent);
  }

  /**
   * One lifecycle move. Activating (from draft or paused) needs a voice and an active default number. `from`
   * names the state a route moves out of (activate: draft, resume: paused), so resuming a draft is refused with
   * the lifecycle's 409 rather than activating it; repeating a move already made answers the agent as it is.
   */
  async move(ctx: RequestContext, tenantId: string, agentId: string, to: AgentStatus, from?: AgentStatus): Promise<VoiceAgentDto> {
    this.policy.requireOn(ctx, 'voice-config.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-config.manage');
    const agent = await this.load(tenantId, agentId);
    if (agent.status === to) return toVoiceAgentDto(agent);
    if (from !== undefined && agent.status !== from) throw new IllegalTransitionProblem(agentLifecycle.resource, agent.status, to);
    const trigger = managerTrigger(ctx);
    agentLifecycle.assertMove(agent.status, to, trigger);
    if (to === 'active') await this.assertCallable(agent);
    const { document } = await transition(this.records.agents.model, agentLifecycle, {
      id: agent._id,
      scope: { tenantId: agent.tenantId },
      to,
      origin: originOf(ctx, trigger),
      expectedFrom: agent.status,
    });
    // A retired agent answers no inbound call: its numbers stop defaulting to it.
    if (to === 'archived') await this.forgetAsDefault(agent);
    return toVoiceAgentDto(document);
  }

  private async assertCallable(agent: VoiceAgent): Promise<void> {
    const missing = [...(agent.voiceId ? [] : ['voiceId']), ...(agent.defaultNumberId ? [] : ['defaultNumberId'])];
    if (missing.length > 0) throw agentIncomplete(missing);
    const tenantId = agent.tenantId.toString();
    if (!(await this.records.voice(tenantId, agent.voiceId!))) throw agentIncomplete(['voiceId']);
    const number = await this.records.number(tenantId, agent.defaultNumberId!.toString());
    if (!number) throw agentIncomplete(['defaultNumberId']);
    if (number.status !== 'active') throw numberNotActive(number.status);
  }

  private forgetAsDefault(agent: VoiceAgent) {
    return this.records.numbers.updateMany({ tenantId: agent.tenantId, defaultAgentId: agent._id }, { $unset: { defaultAgentId: 1 } });
  }

  private async load(tenantId: string, agentId: string): Promise<VoiceAgent> {
    const agent = await this.records.agent(tenantId, agentId);
    if (!agent) throw notFound('voice agent');
    return agent;
  }

  private async requireVoice(tenantId: string, voiceId: string): Promise<void> {
    if (!(await this.records.voice(tenantId, voiceId))) throw unknownReference('voiceId', 'voice');
  }

  private async requireNumber(tenantId: string, numberId: string): Promise<PhoneNumber> {
    const number = await this.records.number(tenantId, numberId);
    if (!number) throw unknownReference('defaultNumberId', 'phone number');
    return number;
  }
}
