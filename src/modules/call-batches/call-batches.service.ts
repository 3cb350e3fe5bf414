import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact } from '../../core/database/find-page.js';
import type { Page } from '../../core/http/pagination.js';
import { ValidationProblem, type FieldError } from '../../core/http/problem.js';
import { originOf } from '../../core/lifecycle/index.js';
import { LeadDirectory } from '../leads/index.js';
import { AgentDirectory } from '../voice-agents/index.js';
import { BatchCompletion } from './batch-completion.js';
import { CallBatchItemsRepository } from './call-batch-items.repository.js';
import { CallBatchMoves } from './call-batch-moves.js';
import { toCallBatchDto, toCallBatchItemDto } from './call-batch.mapper.js';
import { batchNotFound, noCallableLeads } from './call-batches-problems.js';
import { callingHoursErrors, nextCallingTime, type CallingHours } from './calling-hours.js';
import type { CallBatchDto, CallBatchItemDto } from './dto/call-batch.dto.js';
import {
  MAX_BATCH_LEADS,
  type CallBatchItemsQueryDto,
  type CallBatchListQueryDto,
  type CreateCallBatchDto,
} from './dto/call-batch-input.dto.js';
import type { CallBatch } from './schemas/call-batch.schema.js';

const oid = (id: string) => new Types.ObjectId(id);
const DEFAULT_RETRY = { maxAttempts: 2, delayMinutes: 60 };

/** Creating call batches, reading them with their progress, and the caller's moves: pause, resume, cancel. */
@Injectable()
export class CallBatchesService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly moves: CallBatchMoves,
    private readonly items: CallBatchItemsRepository,
    private readonly completion: BatchCompletion,
    private readonly leads: LeadDirectory,
    private readonly agents: AgentDirectory,
  ) {}

  async create(ctx: RequestContext, tenantId: string, input: CreateCallBatchDto): Promise<CallBatchDto> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'call-batch.run');
    const hours: CallingHours = { start: input.callingHours.start, end: input.callingHours.end, days: input.callingHours.days };
    const errors: FieldError[] = callingHoursErrors(hours).map((message) => ({ field: 'callingHours.end', message }));
    if ((input.leadIds === undefined) === (input.filter === undefined))
      errors.push({ field: 'leadIds', message: 'give either leadIds or filter, not both' });
    if (errors.length) throw new ValidationProblem(errors);
    // 422 when the agent is not the tenant's, 409 when it is not active.
    const agent = await this.agents.forCall(tenantId, input.agentId);

    const ids = input.leadIds
      ? [...new Set(input.leadIds.map((id) => id.toLowerCase()))]
      : await this.leads.idsWhere(tenantId, compact({ statuses: input.filter?.statuses, tags: input.filter?.tags }), MAX_BATCH_LEADS);
    const found = ids.length ? await this.leads.forCalls(tenantId, ids) : [];
    const callable = found.filter((lead) => lead.status !== 'do_not_call');
    const skipped = { doNotCall: found.length - callable.length, unknown: ids.length - found.length };
    if (!callable.length) throw noCallableLeads(skipped.doNotCall, skipped.unknown);

    const now = new Date();
    const batch = (
      await this.moves.batches.model.create({
        tenantId: oid(tenantId),
        name: input.name.trim(),
        agentId: oid(agent.id),
        createdBy: oid(actorOf(ctx).id),
        status: 'running',
        callingHours: compact({ ...hours, days: hours.days ? [...hours.days] : undefined }),
        retry: input.retry ?? DEFAULT_RETRY,
        itemCount: callable.length,
        skipped,
        audit: [{ from: null, to: 'running', at: now, source: 'api', actorId: oid(actorOf(ctx).id) }],
      })
    ).toObject<CallBatch>();
    // Each item is due at its lead's first calling time, so the drain rarely reads one it must put back.
    await this.items.insert(
      batch.tenantId,
      batch._id,
      callable.map((lead) => ({
        leadId: oid(lead.id),
        timezone: lead.timezone || 'UTC',
        nextAttemptAt: nextCallingTime(now, lead.timezone || 'UTC', hours),
      })),
    );
    return toCallBatchDto(batch, await this.items.progress(batch));
  }

  async list(ctx: RequestContext, tenantId: string, query: CallBatchListQueryDto): Promise<Page<CallBatchDto>> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    return this.moves.batches.findPage(
      compact({ tenantId: oid(tenantId), status: query.status }),
      query,
      (batch) => toCallBatchDto(batch),
      {
        createdAt: -1,
      },
    );
  }

  async get(ctx: RequestContext, tenantId: string, batchId: string): Promise<CallBatchDto> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    const batch = await this.load(tenantId, batchId);
    return toCallBatchDto(batch, await this.items.progress(batch));
  }

  async itemsOf(ctx: RequestContext, tenantId: string, batchId: string, query: CallBatchItemsQueryDto): Promise<Page<CallBatchItemDto>> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    const batch = await this.load(tenantId, batchId);
    return this.items.items.findPage(
      compact({ tenantId: batch.tenantId, batchId: batch._id, state: query.state, outcome: query.outcome }),
      query,
      toCallBatchItemDto,
      { nextAttemptAt: 1 },
    );
  }

  async pause(ctx: RequestContext, tenantId: string, batchId: string): Promise<CallBatchDto> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'call-batch.run');
    const { batch } = await this.moves.move(oid(tenantId), oid(batchId), {
      to: 'paused',
      origin: originOf(ctx, 'owner'),
      set: { pauseReason: 'paused-by-user' },
    });
    return toCallBatchDto(batch, await this.items.progress(batch));
  }

  async resume(ctx: RequestContext, tenantId: string, batchId: string): Promise<CallBatchDto> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'call-batch.run');
    // A batch paused by the system (agent no longer active) resumes only with an agent able to call again.
    const current = await this.load(tenantId, batchId);
    if (current.status === 'paused') await this.agents.forCall(tenantId, current.agentId.toString());
    let { batch } = await this.moves.move(current.tenantId, current._id, {
      to: 'running',
      origin: originOf(ctx, 'owner'),
      unset: ['pauseReason'],
    });
    // Its last calls may have ended while it was paused: nothing is left to drain.
    if (await this.completion.completeIfDone(batch.tenantId, batch._id)) batch = await this.load(tenantId, batchId);
    return toCallBatchDto(batch, await this.items.progress(batch));
  }

  async cancel(ctx: RequestContext, tenantId: string, batchId: string): Promise<CallBatchDto> {
    this.policy.requireOn(ctx, 'call-batch.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'call-batch.run');
    const { batch } = await this.moves.move(oid(tenantId), oid(batchId), {
      to: 'canceled',
      origin: originOf(ctx, 'owner'),
      set: { finishedAt: new Date() },
      unset: ['pauseReason'],
    });
    // Only what waits is canceled: calls being placed or in flight finish and record their outcome.
    await this.items.cancelPending(batch.tenantId, batch._id);
    return toCallBatchDto(batch, await this.items.progress(batch));
  }

  private async load(tenantId: string, batchId: string): Promise<CallBatch> {
    const batch = await this.moves.batches.findOne({ tenantId: oid(tenantId), _id: oid(batchId) });
    if (!batch) throw batchNotFound();
    return batch;
  }
}
