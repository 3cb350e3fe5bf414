import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { Types, type Connection, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import type { CallBatchItemOutcome, CallBatchStatus } from '../../modules/call-batches/call-batch.lifecycle.js';
import { CallBatchItem } from '../../modules/call-batches/schemas/call-batch-item.schema.js';
import { CallBatch } from '../../modules/call-batches/schemas/call-batch.schema.js';
import type { SeedProgress } from '../seed-progress.js';

export const CALL_BATCHES_TO_SEED = 5;
export const LEADS_PER_SEEDED_BATCH = 200;
const DAY_MS = 24 * 60 * 60_000;

/** Outcomes of a seeded batch's items, in proportions an outbound campaign shows. */
const OUTCOME_MIX: readonly [CallBatchItemOutcome, number][] = [
  ['completed', 55],
  ['no_answer', 25],
  ['busy', 10],
  ['failed', 7],
  ['skipped', 3],
];

const seededId = (key: string) => new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));

function outcomeAt(index: number): CallBatchItemOutcome {
  const slot = index % 100;
  let bound = 0;
  for (const [outcome, share] of OUTCOME_MIX) if (slot < (bound += share)) return outcome;
  return 'completed';
}

/**
 * Seeds finished call batches for a voice tenant over its leads and first active agent (the leads and agents
 * seeds run first): every batch but the last completed, the last paused halfway. Ids derive from the tenant and
 * the index, so a rerun inserts nothing. Answers the batches and items inserted.
 */
export async function seedCallBatches(
  app: INestApplicationContext,
  progress: SeedProgress,
  tenantId: Types.ObjectId,
  { batches = CALL_BATCHES_TO_SEED, leadsPerBatch = LEADS_PER_SEEDED_BATCH } = {},
): Promise<number> {
  const connection = app.get<Connection>(getConnectionToken());
  const batchModel = app.get<Model<CallBatch>>(getModelToken(CallBatch.name));
  const itemModel = app.get<Model<CallBatchItem>>(getModelToken(CallBatchItem.name));
  const agent = await connection
    .collection('voice_agents')
    .findOne({ tenantId, status: 'active' }, { projection: { _id: 1, createdBy: 1 } });
  if (!agent) return 0;
  const leads = await connection
    .collection('leads')
    .find({ tenantId, status: { $ne: 'do_not_call' } }, { projection: { _id: 1, timezone: 1 } })
    .sort({ _id: 1 })
    .limit(batches * leadsPerBatch)
    .toArray();
  if (!leads.length) return 0;
  progress.start('call batches', batches);
  let inserted = 0;
  const createdBy = (agent.createdBy as Types.ObjectId | undefined) ?? seededId(`seed-call-batch-owner:${tenantId.toString()}`);
  for (let index = 0; index < batches; index++) {
    const batchId = seededId(`seed-call-batch:${tenantId.toString()}:${index}`);
    const mine = leads.slice(index * leadsPerBatch, (index + 1) * leadsPerBatch);
    if (!mine.length) break;
    const last = index === batches - 1;
    const status: CallBatchStatus = last ? 'paused' : 'completed';
    const createdAt = new Date(Date.now() - (batches - index) * 7 * DAY_MS);
    const finishedAt = last ? undefined : new Date(createdAt.getTime() + DAY_MS);
    const items = mine.map((lead, position) => {
      const open = last && position >= mine.length / 2;
      const outcome = outcomeAt(position);
      const attempts = open ? 0 : outcome === 'skipped' ? 0 : outcome === 'no_answer' || outcome === 'busy' ? 2 : 1;
      const callIds = Array.from({ length: attempts }, (_, attempt) =>
        seededId(`seed-call-batch-call:${batchId.toString()}:${position}:${attempt}`),
      );
      return {
        _id: seededId(`seed-call-batch-item:${batchId.toString()}:${position}`),
        tenantId,
        batchId,
        leadId: lead._id as Types.ObjectId,
        timezone: typeof lead.timezone === 'string' ? lead.timezone : 'UTC',
        state: open ? 'pending' : 'done',
        attempts,
        nextAttemptAt: createdAt,
        callIds,
        settledCallIds: callIds,
        ...(open ? {} : { outcome }),
        createdAt,
        updatedAt: finishedAt ?? createdAt,
      };
    });
    inserted += await insertManySkippingDuplicates(itemModel, items, { timestamps: false });
    inserted += await insertManySkippingDuplicates(
      batchModel,
      [
        {
          _id: batchId,
          tenantId,
          name: `Campaign ${index + 1}`,
          agentId: agent._id as Types.ObjectId,
          createdBy,
          status,
          callingHours: { start: '09:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
          retry: { maxAttempts: 2, delayMinutes: 60 },
          itemCount: items.length,
          skipped: { doNotCall: 0, unknown: 0 },
          ...(last ? { pauseReason: 'paused-by-user' } : { finishedAt }),
          audit: [
            { from: null, to: 'running', at: createdAt, source: 'seed' },
            { from: 'running', to: status, at: finishedAt ?? createdAt, source: 'seed' },
          ],
          createdAt,
          updatedAt: finishedAt ?? createdAt,
        },
      ],
      { timestamps: false },
    );
    progress.advance(1);
  }
  progress.stop();
  return inserted;
}
