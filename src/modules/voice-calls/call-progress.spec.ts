import { Types, type Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import type { EffectsRelay } from '../../core/events/index.js';
import type { AiUsageLedger } from './ai-usage-ledger.js';
import { CALL_RANK } from './call.lifecycle.js';
import { CallProgress } from './call-progress.js';
import type { CallSlots } from './call-slots.js';
import type { VoiceCall } from './schemas/voice-call.schema.js';
import { CALL_STATUSES, FINAL_CALL_STATUSES, type CallStatus } from './voice-calls.events.js';

/** A progress whose collection refuses every use: an ignored message must not write anything. */
function progressWithoutWrites() {
  const untouchable = new Proxy({}, { get: () => () => Promise.reject(new Error('the call must not be written')) });
  const slots = { release: vi.fn(async () => undefined) };
  const ledger = { record: vi.fn(async () => undefined) };
  const progress = new CallProgress(
    untouchable as unknown as Model<VoiceCall>,
    untouchable as unknown as EffectsRelay,
    slots as unknown as CallSlots,
    ledger as unknown as AiUsageLedger,
  );
  return { progress, slots, ledger };
}

const callIn = (status: CallStatus) =>
  ({
    _id: new Types.ObjectId(),
    tenantId: new Types.ObjectId(),
    agentId: new Types.ObjectId(),
    status,
    reported: false,
  }) as unknown as VoiceCall;

describe('late and repeated provider messages never move a call backwards', () => {
  const origin = { trigger: 'system', source: 'vapi' } as const;

  it('ignores, without a write, every live status at or below the call’s rank (late or duplicate)', async () => {
    const { progress } = progressWithoutWrites();
    for (const from of CALL_STATUSES) {
      for (const to of ['queued', 'ringing', 'in_progress'] as const) {
        if (CALL_RANK[to] > CALL_RANK[from] && !FINAL_CALL_STATUSES.includes(from as never)) continue;
        await expect(progress.advance(callIn(from), to, origin), `${from} → ${to}`).resolves.toBe('ignored');
      }
    }
  });

  it('ignores any status for a call already final, final ones included', async () => {
    const { progress } = progressWithoutWrites();
    for (const from of FINAL_CALL_STATUSES) {
      for (const to of CALL_STATUSES) await expect(progress.advance(callIn(from), to, origin), `${from} → ${to}`).resolves.toBe('ignored');
    }
  });

  it('a second ending of a final call without a report changes nothing but frees the slot', async () => {
    const { progress, slots, ledger } = progressWithoutWrites();
    const call = callIn('completed');
    await expect(progress.end(call, 'failed', origin, { endedReason: 'late' })).resolves.toBe('ignored');
    expect(slots.release).toHaveBeenCalledWith(call.tenantId, call._id);
    expect(ledger.record).not.toHaveBeenCalled();
  });
});
