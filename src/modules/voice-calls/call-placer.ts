import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { FEATURE_GATE, type FeatureGate } from '../../core/auth/feature-gate.js';
import { systemContext } from '../../core/auth/request-context.js';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { tenantSubject, Usage } from '../entitlements/index.js';
import { LeadDirectory } from '../leads/index.js';
import { AgentDirectory, type AgentForCall } from '../voice-agents/index.js';
import { MINUTES_FEATURE } from './ai-usage-ledger.js';
import { CallProgress } from './call-progress.js';
import { CallSlots } from './call-slots.js';
import { VoiceProviderError, VOICE_PROVIDER, type OutboundCallRequest, type VoiceProvider } from './providers/voice-provider.port.js';
import { VoiceCall } from './schemas/voice-call.schema.js';
import type { CallStatus } from './voice-calls.events.js';
import { CallSlotsFullProblem, leadNotCallable, MinutesExhaustedProblem, providerFailed, unknownLead } from './voice-calls-problems.js';

export interface PlaceCallInput {
  tenantId: string;
  agentId: string;
  leadId: string;
  batchId?: string;
  attempt?: number;
  /** The user placing it; absent when the system places it (a batch). */
  placedBy?: string;
}

export interface PlacedCall {
  callId: string;
  status: CallStatus;
}

export const OUTBOUND_FEATURE = 'voice.outbound';
export const CONCURRENCY_FEATURE = 'voice.concurrent-calls';
/** Seconds a caller refused for full slots waits: about the length of a short call. */
const SLOTS_RETRY_AFTER_SECONDS = 30;

const systemPrompt = (agent: AgentForCall): string =>
  [agent.prompts.systemInstructions, agent.prompts.agentInstructions, agent.prompts.outboundPrompt].filter(Boolean).join('\n\n') ||
  `You are ${agent.name}, a helpful voice assistant.`;

/**
 * Places outbound calls, for the place-one-call route and for batches. The checks run in a fixed order (feature,
 * monthly minutes, lead, agent, then a concurrency slot) so nothing is held when a cheaper check refuses; the
 * call document exists only once it holds a slot, and a provider failure ends it failed and frees the slot.
 */
const placementKeyOf = (batchId: string, leadId: string, attempt: number) => `${batchId}:${leadId}:${attempt}`;

@Injectable()
export class CallPlacer implements OnModuleInit {
  private readonly logger = new Logger(CallPlacer.name);
  private gate?: FeatureGate;

  constructor(
    @InjectModel(VoiceCall.name) private readonly calls: Model<VoiceCall>,
    @Inject(VOICE_PROVIDER) private readonly provider: VoiceProvider,
    private readonly usage: Usage,
    private readonly slots: CallSlots,
    private readonly progress: CallProgress,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.gate = this.moduleRef.get<FeatureGate>(FEATURE_GATE, { strict: false });
  }

  private get leads(): LeadDirectory {
    return this.moduleRef.get(LeadDirectory, { strict: false });
  }

  private get agents(): AgentDirectory {
    return this.moduleRef.get(AgentDirectory, { strict: false });
  }

  async place(input: PlaceCallInput): Promise<PlacedCall> {
    const tenantId = new Types.ObjectId(input.tenantId);
    const attempt = input.attempt ?? 1;
    if (input.batchId) {
      const existing = await this.existing(tenantId, input.batchId, input.leadId, attempt);
      if (existing) return existing;
    }
    await this.gate!.require(
      { ...systemContext(`place-call:${input.tenantId}`), tenant: { id: input.tenantId, roles: [] } },
      OUTBOUND_FEATURE,
    );
    const minutes = await this.usage.remaining(tenantSubject(input.tenantId), MINUTES_FEATURE);
    if (minutes.used >= minutes.limit) throw new MinutesExhaustedProblem(minutes.used, minutes.limit, minutes.resetsAt ?? '');
    const lead = await this.leads.one(input.tenantId, input.leadId);
    if (!lead) throw unknownLead();
    if (lead.status === 'do_not_call') throw leadNotCallable();
    const agent = await this.agents.forCall(input.tenantId, input.agentId);

    const callId = new Types.ObjectId();
    const limit = await this.concurrencyLimit(input.tenantId);
    if ((await this.slots.take(input.tenantId, callId, limit)) === null) throw new CallSlotsFullProblem(limit, SLOTS_RETRY_AFTER_SECONDS);
    let call: VoiceCall;
    try {
      call = (
        await this.calls.create({
          _id: callId,
          tenantId,
          agentId: new Types.ObjectId(agent.id),
          leadId: new Types.ObjectId(lead.id),
          voiceId: Types.ObjectId.isValid(agent.voice.id) ? new Types.ObjectId(agent.voice.id) : undefined,
          fromNumber: agent.number.e164,
          toNumber: lead.phone,
          direction: 'outbound',
          status: 'queued',
          attempt,
          ...(input.batchId
            ? { batchId: new Types.ObjectId(input.batchId), placementKey: placementKeyOf(input.batchId, input.leadId, attempt) }
            : {}),
          ...(input.placedBy ? { placedBy: new Types.ObjectId(input.placedBy) } : {}),
          audit: [
            {
              from: null,
              to: 'queued',
              at: new Date(),
              source: input.batchId ? 'batch' : 'api',
              actorId: input.placedBy ? new Types.ObjectId(input.placedBy) : undefined,
            },
          ],
        })
      ).toObject<VoiceCall>();
    } catch (error) {
      await this.slots.release(input.tenantId, callId);
      // The same (batch, lead, attempt) placed concurrently: the other placement is the call.
      if (input.batchId && isDuplicateKey(error)) {
        const existing = await this.existing(tenantId, input.batchId, input.leadId, attempt);
        if (existing) return existing;
      }
      throw error;
    }
    return this.dial(call, agent, lead.name);
  }

  /** How many more calls the tenant may have in flight right now. */
  async freeSlots(tenantId: string): Promise<number> {
    const [limit, held] = await Promise.all([this.concurrencyLimit(tenantId), this.slots.held(tenantId)]);
    return Math.max(0, limit - held);
  }

  private async dial(call: VoiceCall, agent: AgentForCall, leadName: string): Promise<PlacedCall> {
    const request: OutboundCallRequest = {
      callId: call._id.toString(),
      tenantId: call.tenantId.toString(),
      customer: { number: call.toNumber!, name: leadName },
      phoneNumber: { e164: agent.number.e164, provider: agent.number.provider, providerNumberId: agent.number.providerNumberId },
      assistant: {
        name: agent.name,
        firstMessage: agent.prompts.firstMessage,
        systemPrompt: systemPrompt(agent),
        voice: { provider: agent.voice.provider, voiceId: agent.voice.providerVoiceId, language: agent.voice.language },
      },
    };
    try {
      const placed = await this.provider.placeCall(request);
      // Messages may beat this write; they find the call by our id in the assistant's metadata meanwhile.
      await this.calls.updateOne(
        { _id: call._id, tenantId: call.tenantId, vapiCallId: null },
        { $set: { vapiCallId: placed.providerCallId } },
      );
      return { callId: call._id.toString(), status: 'queued' };
    } catch (error) {
      const reason = error instanceof VoiceProviderError ? error.message : 'the voice provider failed';
      this.logger.warn(`call ${call._id.toString()} failed at the provider: ${reason}`);
      await this.progress.end(
        call,
        'failed',
        { trigger: 'system', source: 'provider', reason: reason.slice(0, 500) },
        { endedReason: 'provider-error' },
      );
      throw providerFailed(reason);
    }
  }

  private async existing(tenantId: Types.ObjectId, batchId: string, leadId: string, attempt: number): Promise<PlacedCall | null> {
    const call = await this.calls
      .findOne({ tenantId, placementKey: placementKeyOf(batchId, leadId, attempt) }, { status: 1 })
      .lean<Pick<VoiceCall, '_id' | 'status'>>();
    return call ? { callId: call._id.toString(), status: call.status } : null;
  }

  private async concurrencyLimit(tenantId: string): Promise<number> {
    return (await this.usage.remaining(tenantSubject(tenantId), CONCURRENCY_FEATURE)).limit;
  }
}
