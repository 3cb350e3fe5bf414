import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { billedMinutes, costFromVapi, monthOf } from '../../modules/voice-calls/call-costs.js';
import { simulatedCost, simulatedOutcome, simulatedTranscript } from '../../modules/voice-calls/providers/simulated-call.js';
import { AiUsage } from '../../modules/voice-calls/schemas/ai-usage.schema.js';
import { VoiceCall } from '../../modules/voice-calls/schemas/voice-call.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const BATCH = 500;
const DAY_MS = 24 * 60 * 60_000;
/** Seeded history spans this many days back, so the usage report shows several months. */
const HISTORY_DAYS = 120;

export interface VoiceCallSeedTarget {
  tenantId: Types.ObjectId;
  agents: VoiceCallSeedAgent[];
  leads: { id: Types.ObjectId; phone: string }[];
}

/** Ids derive from the tenant and the lead called, so a rerun (even over a longer lead list) inserts nothing twice. */
const seededId = (tenantId: Types.ObjectId, leadId: Types.ObjectId, kind: string) =>
  new Types.ObjectId(
    createHash('sha256').update(`seed-voice-${kind}:${tenantId.toString()}:${leadId.toString()}`).digest('hex').slice(0, 24),
  );

/** An agent calls are placed with; the voice-agents seeder's `activeAgents` have this shape. */
export interface VoiceCallSeedAgent {
  id: Types.ObjectId;
  voiceId?: Types.ObjectId;
  fromNumber: string;
}

/**
 * Historical calls for the voice tenant's leads: reads up to `count` of its callable leads (never do-not-call),
 * oldest first, and seeds one ended call for each with `agents` (the active agents seeded for the tenant).
 * Answers how many calls it added (0 on a rerun).
 */
export async function seedVoiceTenantCalls(
  app: INestApplicationContext,
  tenantId: Types.ObjectId | string,
  agents: readonly VoiceCallSeedAgent[],
  count: number,
  progress: SeedProgress,
): Promise<number> {
  const tenant = typeof tenantId === 'string' ? new Types.ObjectId(tenantId) : tenantId;
  const calls = app.get<Model<VoiceCall>>(getModelToken(VoiceCall.name));
  const leads = await calls.db
    .collection<{ _id: Types.ObjectId; phone: string; status: string }>('leads')
    .find({ tenantId: tenant, status: { $ne: 'do_not_call' } }, { projection: { _id: 1, phone: 1 } })
    .sort({ _id: 1 })
    .limit(Math.max(0, count))
    .toArray();
  return seedVoiceCalls(
    app,
    { tenantId: tenant, agents: [...agents], leads: leads.map((lead) => ({ id: lead._id, phone: lead.phone })) },
    count,
    progress,
  );
}

/**
 * Historical calls of a tenant: one per lead up to `count`, cycling through its agents, each ended the way the
 * simulator ends a call to that number (completed with a transcript and costs, or no answer, busy, failed), with its
 * AI usage line. Ids derive from the tenant and the lead, so a rerun inserts nothing. The minutes counter is not
 * touched: seeded months are history, and the current month's calls are few.
 */
export async function seedVoiceCalls(
  app: INestApplicationContext,
  target: VoiceCallSeedTarget,
  count: number,
  progress: SeedProgress,
): Promise<number> {
  const calls = app.get<Model<VoiceCall>>(getModelToken(VoiceCall.name));
  const usage = app.get<Model<AiUsage>>(getModelToken(AiUsage.name));
  if (target.agents.length === 0 || target.leads.length === 0) return 0;
  const total = Math.min(count, target.leads.length);
  const now = Date.now();
  progress.start('voice calls', total);
  let inserted = 0;
  for (let from = 0; from < total; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, total - from) }, (_, i) => from + i);
    const ids = indexes.map((index) => seededId(target.tenantId, target.leads[index].id, 'call'));
    const present = new Set(
      (await calls.find({ tenantId: target.tenantId, _id: trusted({ $in: ids }) }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>()).map(
        (row) => row._id.toString(),
      ),
    );
    const missing = indexes.filter((index) => !present.has(ids[index - from].toString()));
    const built = missing.map((index) => callAt(target, index, now));
    inserted += await insertManySkippingDuplicates(
      calls,
      built.map(({ call }) => call),
      { timestamps: false },
    );
    await insertManySkippingDuplicates(
      usage,
      built.map(({ line }) => line),
      { timestamps: false },
    );
    progress.advance(indexes.length);
  }
  return inserted;
}

function callAt(target: VoiceCallSeedTarget, index: number, now: number) {
  const lead = target.leads[index % target.leads.length];
  const agent = target.agents[index % target.agents.length];
  const outcome = simulatedOutcome(lead.phone);
  const { cost, costBreakdown } = simulatedCost(outcome.durationSeconds);
  const { costMinor, breakdown } = costFromVapi(cost, costBreakdown);
  const createdAt = new Date(now - ((index * 7919) % (HISTORY_DAYS * 24 * 60)) * 60_000 - DAY_MS / 24);
  const endedAt = new Date(createdAt.getTime() + (outcome.durationSeconds + 20) * 1000);
  const _id = seededId(target.tenantId, lead.id, 'call');
  const transcription = outcome.answered
    ? simulatedTranscript(outcome.durationSeconds).map((line) => ({
        speaker: line.role === 'assistant' ? 'agent' : 'customer',
        text: line.message,
        startSeconds: line.secondsFromStart,
        endSeconds: line.endTime,
      }))
    : [];
  const call = {
    _id,
    tenantId: target.tenantId,
    agentId: agent.id,
    leadId: lead.id,
    ...(agent.voiceId ? { voiceId: agent.voiceId } : {}),
    fromNumber: agent.fromNumber,
    toNumber: lead.phone,
    direction: 'outbound',
    status: outcome.status,
    vapiCallId: `seed-${_id.toString()}`,
    transcription,
    costMinor,
    costCurrency: 'USD',
    costBreakdown: breakdown,
    durationSeconds: outcome.durationSeconds,
    attempt: 1,
    endedReason: outcome.endedReason,
    ...(outcome.answered
      ? {
          summary: 'The customer agreed to receive an offer by email.',
          recordingUrl: `https://recordings.vapi.local/seed-${_id.toString()}.wav`,
          startedAt: new Date(createdAt.getTime() + 20_000),
        }
      : {}),
    endedAt,
    reported: true,
    audit: [
      { from: null, to: 'queued', at: createdAt, source: 'seed' },
      { from: 'queued', to: outcome.status, at: endedAt, source: 'seed' },
    ],
    createdAt,
    updatedAt: endedAt,
  };
  const line = {
    _id: seededId(target.tenantId, lead.id, 'usage'),
    tenantId: target.tenantId,
    callId: _id,
    agentId: agent.id,
    month: monthOf(endedAt),
    seconds: outcome.durationSeconds,
    minutes: billedMinutes(outcome.durationSeconds),
    costMinor,
    currency: 'USD',
    breakdown,
    createdAt: endedAt,
  };
  return { call, line };
}
