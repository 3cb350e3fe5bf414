import mongoose, { Types, type Connection, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionPolicy } from '../../../src/core/auth/permission-policy.js';
import type { RequestContext } from '../../../src/core/auth/request-context.js';
import type { JobRunner } from '../../../src/core/jobs/job-runner.js';
import { ProblemException } from '../../../src/core/http/problem.js';
import type { EffectsRelay } from '../../../src/core/events/index.js';
import { BatchCompletion } from '../../../src/modules/call-batches/batch-completion.js';
import { CallBatchItemsRepository } from '../../../src/modules/call-batches/call-batch-items.repository.js';
import { CallBatchMoves } from '../../../src/modules/call-batches/call-batch-moves.js';
import { CallBatchesConfig } from '../../../src/modules/call-batches/call-batches.config.js';
import { CALL_BATCHES_PERMISSIONS } from '../../../src/modules/call-batches/call-batches.permissions.js';
import { CallBatchesService } from '../../../src/modules/call-batches/call-batches.service.js';
import type { CreateCallBatchDto } from '../../../src/modules/call-batches/dto/call-batch-input.dto.js';
import { CallBatchesDrainJob } from '../../../src/modules/call-batches/jobs/call-batches-drain.job.js';
import { CallBatchesVoiceCallsListeners } from '../../../src/modules/call-batches/listeners/voice-calls.listeners.js';
import { CallBatchItem, CallBatchItemSchema } from '../../../src/modules/call-batches/schemas/call-batch-item.schema.js';
import { CallBatch, CallBatchSchema } from '../../../src/modules/call-batches/schemas/call-batch.schema.js';
import type { FinalCallStatus } from '../../../src/modules/voice-calls/index.js';
import { CallSlotsFullProblem, MinutesExhaustedProblem } from '../../../src/modules/voice-calls/voice-calls-problems.js';
import { noonZone } from '../../support/zones.js';

/**
 * The drain, the call.completed listener and batch creation against the database, with the call placer, the lead
 * and agent directories standing in for their contexts as the contract describes them: a placer idempotent per
 * (batch, lead, attempt) that refuses past the tenant's concurrent-call limit.
 */
class FakePlacer {
  limit = 2;
  refuseWith?: () => Error;
  readonly calls = new Map<string, { callId: string; tenantId: string; batchId: string; leadId: string; attempt: number }>();
  readonly inFlight = new Map<string, Set<string>>();
  maxInFlight = 0;

  private flying(tenantId: string): Set<string> {
    if (!this.inFlight.has(tenantId)) this.inFlight.set(tenantId, new Set());
    return this.inFlight.get(tenantId)!;
  }

  async freeSlots(tenantId: string): Promise<number> {
    return Math.max(0, this.limit - this.flying(tenantId).size);
  }

  async place(input: { tenantId: string; agentId: string; leadId: string; batchId?: string; attempt?: number }) {
    await new Promise((resolve) => setImmediate(resolve));
    const key = `${input.batchId}:${input.leadId}:${input.attempt}`;
    const existing = this.calls.get(key);
    if (existing) return { callId: existing.callId, status: 'queued' as const };
    if (this.refuseWith) throw this.refuseWith();
    const flying = this.flying(input.tenantId);
    if (flying.size >= this.limit) throw new CallSlotsFullProblem(this.limit, 1);
    const callId = new Types.ObjectId().toString();
    this.calls.set(key, { callId, tenantId: input.tenantId, batchId: input.batchId!, leadId: input.leadId, attempt: input.attempt ?? 1 });
    flying.add(callId);
    this.maxInFlight = Math.max(this.maxInFlight, flying.size);
    return { callId, status: 'queued' as const };
  }

  callsOf(leadId: string) {
    return [...this.calls.values()].filter((call) => call.leadId === leadId);
  }

  /** The call ends: its slot frees and call.completed reaches the listener. */
  async end(listener: CallBatchesVoiceCallsListeners, callId: string, status: FinalCallStatus, now = new Date()) {
    const call = [...this.calls.values()].find((one) => one.callId === callId)!;
    this.flying(call.tenantId).delete(callId);
    await listener.callCompleted(
      {
        tenantId: call.tenantId,
        callId,
        agentId: new Types.ObjectId().toString(),
        leadId: call.leadId,
        batchId: call.batchId,
        direction: 'outbound',
        callStatus: status,
        durationSeconds: 30,
        costMinor: 10,
        costCurrency: 'USD',
        callEndedAt: now.toISOString(),
      },
      now,
    );
  }

  /** Every call in flight for the tenant. */
  flyingCalls(tenantId: string): string[] {
    return [...this.flying(tenantId)];
  }
}

type Lead = { id: string; tenantId: string; name: string; phone: string; timezone: string; status: string };

class FakeLeads {
  readonly leads = new Map<string, Lead>();
  /** Unless given a zone, a lead's clock shows about noon: inside ALL_DAY (which closes for its last minute) whenever the tests run. */
  add(tenantId: string, timezone = noonZone(), status = 'new', tags: string[] = []): Lead {
    const lead = { id: new Types.ObjectId().toString(), tenantId, name: 'Lead', phone: '+15550100', timezone, status, tags };
    this.leads.set(lead.id, lead);
    return lead;
  }
  async forCalls(tenantId: string, ids: string[]) {
    return ids.map((id) => this.leads.get(id)).filter((lead): lead is Lead => lead?.tenantId === tenantId);
  }
  async idsWhere(tenantId: string, filter: { statuses?: string[] }, limit: number) {
    return [...this.leads.values()]
      .filter((lead) => lead.tenantId === tenantId && (!filter.statuses || filter.statuses.includes(lead.status)))
      .slice(0, limit)
      .map((lead) => lead.id);
  }
}

class FakeAgents {
  status: 'active' | 'paused' = 'active';
  async forCall(tenantId: string, agentId: string) {
    if (this.status !== 'active') throw new ProblemException(409, 'agent-not-active', 'Agent not active', 'The agent is not active.');
    return { id: agentId, tenantId, status: 'active' };
  }
}

const ALL_DAY = { start: '00:00', end: '23:59' };

describe('call batches against the database', () => {
  let connection: Connection;
  let batchModel: Model<CallBatch>;
  let itemModel: Model<CallBatchItem>;
  let placer: FakePlacer;
  let leads: FakeLeads;
  let agents: FakeAgents;
  let moves: CallBatchMoves;
  let items: CallBatchItemsRepository;
  let listener: CallBatchesVoiceCallsListeners;
  let service: CallBatchesService;
  const config = Object.assign(new CallBatchesConfig(), { CALL_BATCHES_CLAIM_LEASE_SECONDS: 60 });
  const drainAs = (instanceId: string) =>
    new CallBatchesDrainJob(
      moves,
      items,
      new BatchCompletion(items, moves),
      placer as never,
      { instanceId, every: () => undefined } as unknown as JobRunner,
      config,
    );

  beforeAll(async () => {
    connection = await mongoose.createConnection(process.env.MONGODB_URI!).asPromise();
    batchModel = connection.model(CallBatch.name, CallBatchSchema) as unknown as Model<CallBatch>;
    itemModel = connection.model(CallBatchItem.name, CallBatchItemSchema) as unknown as Model<CallBatchItem>;
    await Promise.all([batchModel.init(), itemModel.init()]);
    placer = new FakePlacer();
    leads = new FakeLeads();
    agents = new FakeAgents();
    moves = new CallBatchMoves(batchModel);
    items = new CallBatchItemsRepository(itemModel);
    const completion = new BatchCompletion(items, moves);
    listener = new CallBatchesVoiceCallsListeners({ on: () => undefined } as unknown as EffectsRelay, moves, items, completion);
    const policy = new PermissionPolicy();
    policy.register(CALL_BATCHES_PERMISSIONS);
    service = new CallBatchesService(policy, moves, items, completion, leads as never, agents as never);
  });
  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  const memberOf = (tenantId: string, roles = ['member']): RequestContext => ({
    actor: { id: new Types.ObjectId().toString(), role: 'user', sessionId: 's' },
    client: {},
    requestId: 'test',
    tenant: { id: tenantId, roles },
  });
  const newTenant = () => new Types.ObjectId().toString();
  const create = (tenantId: string, input: Partial<CreateCallBatchDto>) =>
    service.create(memberOf(tenantId), tenantId, {
      name: 'Batch',
      agentId: new Types.ObjectId().toString(),
      callingHours: ALL_DAY,
      ...input,
    } as CreateCallBatchDto);
  const itemsOf = (batchId: string) =>
    itemModel
      .find({ batchId: new Types.ObjectId(batchId) })
      .setOptions({ acrossTenants: true })
      .lean();
  const batchOf = (batchId: string) =>
    batchModel
      .findOne({ _id: new Types.ObjectId(batchId) })
      .setOptions({ acrossTenants: true })
      .lean();

  it('drains a batch of 20 leads to a final outcome each, never over the concurrent-call limit, and completes once', async () => {
    const tenantId = newTenant();
    placer.limit = 2;
    placer.maxInFlight = 0;
    const ids = Array.from({ length: 20 }, () => leads.add(tenantId).id);
    const batch = await create(tenantId, { leadIds: ids, retry: { maxAttempts: 2, delayMinutes: 0 } });
    expect(batch.progress).toMatchObject({ total: 20, pending: 20, inProgress: 0, attempts: 0 });
    const drain = drainAs('one');
    const outcomes: FinalCallStatus[] = ['completed', 'failed', 'no_answer', 'busy', 'completed'];
    let ended = 0;
    for (let round = 0; round < 100 && (await batchOf(batch.id))!.status === 'running'; round++) {
      await drain.run();
      expect(placer.flyingCalls(tenantId).length).toBeLessThanOrEqual(2);
      for (const callId of placer.flyingCalls(tenantId)) await placer.end(listener, callId, outcomes[ended++ % outcomes.length]);
    }
    expect(placer.maxInFlight).toBe(2);
    const final = await service.get(memberOf(tenantId), tenantId, batch.id);
    expect(final.status).toBe('completed');
    expect((await batchOf(batch.id))!.audit.filter((entry) => entry.to === 'completed')).toHaveLength(1);
    const progress = final.progress!;
    expect(progress.pending + progress.inProgress).toBe(0);
    expect(Object.values(progress.done).reduce((sum, count) => sum + count, 0)).toBe(20);
    expect(progress.attempts).toBe(placer.calls.size);
    for (const item of await itemsOf(batch.id)) {
      expect(item.state).toBe('done');
      expect(item.callIds).toHaveLength(item.attempts);
      // no_answer and busy were tried a second time; anything else ended at the first call.
      if (item.attempts === 1) expect(['completed', 'failed']).toContain(item.outcome);
    }
  });

  it('keeps a lead at 03:00 in Tokyo waiting until 09:00 there while a New York lead in its hours is called', async () => {
    const tenantId = newTenant();
    placer.limit = 5;
    const tokyo = leads.add(tenantId, 'Asia/Tokyo');
    const newYork = leads.add(tenantId, 'America/New_York');
    const batch = await create(tenantId, { leadIds: [tokyo.id, newYork.id], callingHours: { start: '09:00', end: '18:00' } });
    // 2026-03-10T18:00Z: 03:00 on 11 March in Tokyo, 14:00 in New York (EDT since 8 March).
    const now = new Date('2026-03-10T18:00:00Z');
    await itemModel.updateMany({ tenantId: new Types.ObjectId(tenantId) }, { $set: { nextAttemptAt: now } });
    await drainAs('one').run(now);
    expect(placer.callsOf(newYork.id)).toHaveLength(1);
    const byLead = new Map((await itemsOf(batch.id)).map((item) => [item.leadId.toString(), item]));
    expect(byLead.get(newYork.id)!.state).toBe('calling');
    expect(byLead.get(tokyo.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(byLead.get(tokyo.id)!.nextAttemptAt.toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(placer.callsOf(tokyo.id)).toHaveLength(0);
    // At 09:00 Tokyo time it is called.
    await drainAs('one').run(new Date('2026-03-11T00:00:30Z'));
    expect(placer.callsOf(tokyo.id)).toHaveLength(1);
  });

  it('tries a no-answer again after the delay, as attempt 2, then stops at maxAttempts', async () => {
    const tenantId = newTenant();
    placer.limit = 5;
    const lead = leads.add(tenantId);
    const batch = await create(tenantId, { leadIds: [lead.id], retry: { maxAttempts: 2, delayMinutes: 30 } });
    const drain = drainAs('one');
    await drain.run();
    await placer.end(listener, placer.callsOf(lead.id)[0].callId, 'no_answer');
    let [item] = await itemsOf(batch.id);
    expect(item).toMatchObject({ state: 'pending', attempts: 1, outcome: 'no_answer' });
    expect(item.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    await drain.run();
    expect(placer.callsOf(lead.id)).toHaveLength(1);
    // The delay has passed.
    await itemModel.updateOne(
      { tenantId: new Types.ObjectId(tenantId), _id: item._id },
      { $set: { nextAttemptAt: new Date(Date.now() - 1000) } },
    );
    await drain.run();
    expect(placer.callsOf(lead.id).map((call) => call.attempt)).toEqual([1, 2]);
    await placer.end(listener, placer.callsOf(lead.id)[1].callId, 'no_answer');
    [item] = await itemsOf(batch.id);
    expect(item).toMatchObject({ state: 'done', attempts: 2, outcome: 'no_answer' });
    expect((await batchOf(batch.id))!.status).toBe('completed');
  });

  it('records an outcome once however often the call’s end is told, even before the drain marked it calling', async () => {
    const tenantId = newTenant();
    placer.limit = 5;
    const lead = leads.add(tenantId);
    const batch = await create(tenantId, { leadIds: [lead.id], retry: { maxAttempts: 3, delayMinutes: 0 } });
    await drainAs('one').run();
    const { callId } = placer.callsOf(lead.id)[0];
    await placer.end(listener, callId, 'busy');
    await placer.end(listener, callId, 'busy');
    await placer.end(listener, callId, 'completed');
    const [item] = await itemsOf(batch.id);
    expect(item).toMatchObject({ state: 'pending', attempts: 1, outcome: 'busy' });
    expect(item.settledCallIds).toHaveLength(1);
  });

  it('pauses (no new placement), resumes, and cancels what still waits while calls in flight finish', async () => {
    const tenantId = newTenant();
    placer.limit = 1;
    const ids = Array.from({ length: 4 }, () => leads.add(tenantId).id);
    const batch = await create(tenantId, { leadIds: ids });
    const drain = drainAs('one');
    // Other tests' batches run too: count this tenant's calls.
    const placed = () => [...placer.calls.values()].filter((call) => call.tenantId === tenantId).length;
    await drain.run();
    expect(placed()).toBe(1);
    const paused = await service.pause(memberOf(tenantId), tenantId, batch.id);
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'paused-by-user' });
    for (const callId of placer.flyingCalls(tenantId)) await placer.end(listener, callId, 'completed');
    await drain.run();
    expect(placed()).toBe(1);
    expect((await service.get(memberOf(tenantId), tenantId, batch.id)).progress).toMatchObject({ pending: 3, inProgress: 0 });

    expect((await service.resume(memberOf(tenantId), tenantId, batch.id)).status).toBe('running');
    await drain.run();
    expect(placed()).toBe(2);
    const canceled = await service.cancel(memberOf(tenantId), tenantId, batch.id);
    expect(canceled.status).toBe('canceled');
    expect(canceled.progress).toMatchObject({ pending: 0, inProgress: 1, done: { completed: 1, canceled: 2 } });
    // The call in flight finishes and is recorded; nothing more is placed; the batch stays canceled.
    for (const callId of placer.flyingCalls(tenantId)) await placer.end(listener, callId, 'no_answer');
    await drain.run();
    expect(placed()).toBe(2);
    const final = await service.get(memberOf(tenantId), tenantId, batch.id);
    expect(final).toMatchObject({
      status: 'canceled',
      progress: { pending: 0, inProgress: 0, done: { completed: 1, no_answer: 1, canceled: 2 } },
    });
    await expect(service.resume(memberOf(tenantId), tenantId, batch.id)).rejects.toMatchObject({ status: 409 });
  });

  it('places each call once with two instances draining one batch at the same time', async () => {
    const tenantId = newTenant();
    placer.limit = 30;
    const ids = Array.from({ length: 20 }, () => leads.add(tenantId).id);
    const batch = await create(tenantId, { leadIds: ids });
    const [first, second] = [drainAs('first'), drainAs('second')];
    for (let round = 0; round < 3; round++) await Promise.all([first.run(), second.run(), first.run(), second.run()]);
    for (const id of ids) expect(placer.callsOf(id)).toHaveLength(1);
    expect((await itemsOf(batch.id)).every((item) => item.state === 'calling' && item.attempts === 1)).toBe(true);
  });

  it('takes an expired claim again with the same attempt, so the placer answers with the call already placed', async () => {
    const tenantId = newTenant();
    placer.limit = 5;
    const lead = leads.add(tenantId);
    const batch = await create(tenantId, { leadIds: [lead.id] });
    await drainAs('crashed').run();
    const [placedOnce] = placer.callsOf(lead.id);
    // The instance died after placing and before recording it: the item is still placing, its lease now over.
    await itemModel.updateOne(
      { tenantId: new Types.ObjectId(tenantId), batchId: new Types.ObjectId(batch.id) },
      { $set: { state: 'placing', claimedBy: 'crashed', leaseUntil: new Date(Date.now() - 1000), callIds: [] } },
    );
    await drainAs('survivor').run();
    expect(placer.callsOf(lead.id)).toHaveLength(1);
    const [item] = await itemsOf(batch.id);
    expect(item).toMatchObject({ state: 'calling', attempts: 1 });
    expect(item.callIds.map(String)).toEqual([placedOnce.callId]);
  });

  it('pauses a batch whose tenant has used its minutes, or whose agent stopped being active, giving the attempt back', async () => {
    const tenantId = newTenant();
    placer.limit = 5;
    const lead = leads.add(tenantId);
    const batch = await create(tenantId, { leadIds: [lead.id] });
    placer.refuseWith = () => new MinutesExhaustedProblem(100, 100, '2026-01-01T00:00:00.000Z');
    try {
      await drainAs('one').run();
      expect(placer.callsOf(lead.id)).toHaveLength(0);
    } finally {
      placer.refuseWith = undefined;
    }
    expect(await batchOf(batch.id)).toMatchObject({ status: 'paused', pauseReason: 'minutes-exhausted' });
    expect((await itemsOf(batch.id))[0]).toMatchObject({ state: 'pending', attempts: 0 });

    await service.resume(memberOf(tenantId), tenantId, batch.id);
    placer.refuseWith = () => new ProblemException(409, 'agent-not-active', 'Agent not active');
    try {
      await drainAs('one').run();
    } finally {
      placer.refuseWith = undefined;
    }
    expect(await batchOf(batch.id)).toMatchObject({ status: 'paused', pauseReason: 'agent-not-active' });
    agents.status = 'paused';
    try {
      await expect(service.resume(memberOf(tenantId), tenantId, batch.id)).rejects.toMatchObject({ status: 409 });
    } finally {
      agents.status = 'active';
    }
  });

  it('skips and counts do-not-call and unknown leads, takes leads from a filter, and refuses what cannot be a batch', async () => {
    const tenantId = newTenant();
    const callable = leads.add(tenantId);
    const doNotCall = leads.add(tenantId, 'UTC', 'do_not_call');
    const elsewhere = leads.add(newTenant());
    const batch = await create(tenantId, { leadIds: [callable.id, doNotCall.id, elsewhere.id, callable.id] });
    expect(batch.progress).toMatchObject({ total: 3, pending: 1, skippedDoNotCall: 1, skippedUnknown: 1, done: { skipped: 2 } });

    const fromFilter = await create(tenantId, { filter: { statuses: ['new'] } });
    expect(fromFilter.progress).toMatchObject({ total: 1, pending: 1 });

    await expect(create(tenantId, { leadIds: [doNotCall.id, elsewhere.id] })).rejects.toMatchObject({ status: 422 });
    await expect(create(tenantId, { leadIds: [callable.id], filter: { statuses: ['new'] } })).rejects.toMatchObject({ status: 400 });
    await expect(create(tenantId, {})).rejects.toMatchObject({ status: 400 });
    await expect(create(tenantId, { leadIds: [callable.id], callingHours: { start: '18:00', end: '09:00' } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(service.create(memberOf(tenantId, ['viewer']), tenantId, {} as CreateCallBatchDto)).rejects.toMatchObject({ status: 403 });
    agents.status = 'paused';
    try {
      await expect(create(tenantId, { leadIds: [callable.id] })).rejects.toMatchObject({ status: 409 });
    } finally {
      agents.status = 'active';
    }
  });
});
