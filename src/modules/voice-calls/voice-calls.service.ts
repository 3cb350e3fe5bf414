import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact, within } from '../../core/database/find-page.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import type { Page } from '../../core/http/pagination.js';
import { tenantSubject, Usage } from '../entitlements/index.js';
import { LeadDirectory } from '../leads/index.js';
import { AiUsageLedger, MINUTES_FEATURE } from './ai-usage-ledger.js';
import { aggregateByMonth, monthOf, monthsBetween } from './call-costs.js';
import { CallPlacer, type PlacedCall } from './call-placer.js';
import { CallProgress } from './call-progress.js';
import type { LeadCallsQueryDto, PlaceVoiceCallDto, VoiceCallQueryDto, VoiceUsageQueryDto } from './dto/voice-call-input.dto.js';
import type { VoiceCallDetailDto, VoiceCallDto, VoiceUsageDto } from './dto/voice-call.dto.js';
import { VoiceCall } from './schemas/voice-call.schema.js';
import { callNotFound, leadNotFound } from './voice-calls-problems.js';
import { toVoiceCallDetailDto, toVoiceCallDto } from './voice-call.mapper.js';
import { ValidationProblem } from '../../core/http/problem.js';

const LIST_FIELDS = { transcription: 0, vapiData: 0, audit: 0, effects: 0 } as const;
const MAX_MONTHS = 36;

/** Calls as the tenant's members see them: placing one, lists, one call with its conversation, usage by month. */
@Injectable()
export class VoiceCallsService {
  readonly calls: TenantScoped<VoiceCall>;

  constructor(
    @InjectModel(VoiceCall.name) readonly model: Model<VoiceCall>,
    private readonly policy: PermissionPolicy,
    private readonly placer: CallPlacer,
    private readonly progress: CallProgress,
    private readonly ledger: AiUsageLedger,
    private readonly usage: Usage,
    private readonly moduleRef: ModuleRef,
  ) {
    this.calls = scoped(model);
  }

  private get leads(): LeadDirectory {
    return this.moduleRef.get(LeadDirectory, { strict: false });
  }

  async place(ctx: RequestContext, tenantId: string, input: PlaceVoiceCallDto): Promise<PlacedCall> {
    this.policy.requireOn(ctx, 'voice-call.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-call.place');
    return this.placer.place({ tenantId, agentId: input.agentId, leadId: input.leadId, placedBy: actorOf(ctx).id });
  }

  async list(ctx: RequestContext, tenantId: string, query: VoiceCallQueryDto): Promise<Page<VoiceCallDto>> {
    this.policy.requireOn(ctx, 'voice-call.read', { tenantId }, 'tenant');
    const filter = compact({
      tenantId: tenantIdOf(tenantId),
      status: query.status,
      direction: query.direction,
      agentId: query.agentId ? new Types.ObjectId(query.agentId) : undefined,
      leadId: query.leadId ? new Types.ObjectId(query.leadId) : undefined,
      batchId: query.batchId ? new Types.ObjectId(query.batchId) : undefined,
      createdAt: (() => {
        const range = within(query.from ? new Date(query.from) : undefined, query.to ? new Date(query.to) : undefined);
        return range ? trusted(range) : undefined;
      })(),
    });
    return this.page(filter, query);
  }

  async get(ctx: RequestContext, tenantId: string, callId: string): Promise<VoiceCallDetailDto> {
    this.policy.requireOn(ctx, 'voice-call.read', { tenantId }, 'tenant');
    const call = await this.calls.findOne(
      { tenantId: tenantIdOf(tenantId), _id: new Types.ObjectId(callId) },
      { vapiData: 0, audit: 0, effects: 0 },
    );
    if (!call) throw callNotFound();
    return toVoiceCallDetailDto(call, await this.ledger.forCall(tenantId, call._id));
  }

  async leadCalls(ctx: RequestContext, tenantId: string, leadId: string, query: LeadCallsQueryDto): Promise<Page<VoiceCallDto>> {
    this.policy.requireOn(ctx, 'voice-call.read', { tenantId }, 'tenant');
    if (!(await this.leads.one(tenantId, leadId))) throw leadNotFound();
    return this.page({ tenantId: tenantIdOf(tenantId), leadId: new Types.ObjectId(leadId) }, query);
  }

  /** Cancels a call that has not been answered yet (the provider is not told: the embedded one ends on its own). */
  async cancel(ctx: RequestContext, tenantId: string, callId: string): Promise<VoiceCallDto> {
    this.policy.requireOn(ctx, 'voice-call.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'voice-call.place');
    const call = await this.calls.findOne(
      { tenantId: tenantIdOf(tenantId), _id: new Types.ObjectId(callId) },
      { transcription: 0, vapiData: 0 },
    );
    if (!call) throw callNotFound();
    if (call.status !== 'queued' && call.status !== 'ringing') throw new IllegalTransitionProblem('call', call.status, 'canceled');
    await this.progress.end(
      call,
      'canceled',
      { trigger: 'owner', source: 'api', actorId: actorOf(ctx).id },
      { endedReason: 'manually-canceled' },
    );
    const after = await this.calls.findOne({ tenantId: tenantIdOf(tenantId), _id: call._id }, LIST_FIELDS);
    if (after?.status !== 'canceled') throw new IllegalTransitionProblem('call', after?.status ?? call.status, 'canceled');
    return toVoiceCallDto(after);
  }

  async usageByMonth(ctx: RequestContext, tenantId: string, query: VoiceUsageQueryDto): Promise<VoiceUsageDto> {
    this.policy.requireOn(ctx, 'voice-usage.read', { tenantId }, 'tenant');
    const currentMonth = monthOf(new Date());
    const to = query.to ?? currentMonth;
    const from = query.from ?? shiftMonth(to, -11);
    if (from > to) throw new ValidationProblem([{ field: 'from', message: 'must not be after to' }]);
    const months = monthsBetween(from, to, MAX_MONTHS + 1);
    if (months.length > MAX_MONTHS)
      throw new ValidationProblem([{ field: 'from', message: `the range spans at most ${MAX_MONTHS} months` }]);
    const lines = await this.ledger.lines.find(
      { tenantId: tenantIdOf(tenantId), month: trusted({ $gte: from, $lte: to }) },
      { month: 1, seconds: 1, minutes: 1, costMinor: 1, breakdown: 1, currency: 1 },
    );
    const minutes = await this.usage.remaining(tenantSubject(tenantId), MINUTES_FEATURE);
    const usedNow = await this.ledger.minutesIn(tenantId, currentMonth);
    const used = Math.max(usedNow, minutes.used);
    return {
      currency: lines[0]?.currency ?? 'USD',
      months: aggregateByMonth(lines, months),
      currentMonth,
      limit: minutes.limit,
      used,
      remaining: Math.max(0, minutes.limit - used),
    };
  }

  private page(
    filter: Parameters<TenantScoped<VoiceCall>['findPage']>[0],
    query: { page: number; limit: number },
  ): Promise<Page<VoiceCallDto>> {
    return this.model
      .find(filter, LIST_FIELDS)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<VoiceCall[]>()
      .then(async (items) => ({
        items: items.map(toVoiceCallDto),
        total: await this.calls.count(filter),
        page: query.page,
        limit: query.limit,
      }));
  }
}

function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
