import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EffectsRelay } from '../../core/events/index.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { transition, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { AiUsageLedger } from './ai-usage-ledger.js';
import { CALL_RANK, callLifecycle, isFinalCall } from './call.lifecycle.js';
import { CallSlots } from './call-slots.js';
import { VoiceCall } from './schemas/voice-call.schema.js';
import type { CallCompletedEvent, CallStatus, FinalCallStatus } from './voice-calls.events.js';

/** The fields an end-of-call report (or a failure) fills in. */
export type CallEnding = Partial<
  Pick<
    VoiceCall,
    | 'transcription'
    | 'costMinor'
    | 'costCurrency'
    | 'costBreakdown'
    | 'durationSeconds'
    | 'summary'
    | 'recordingUrl'
    | 'endedReason'
    | 'startedAt'
    | 'endedAt'
    | 'vapiData'
  >
>;

export type ProgressOutcome = 'moved' | 'ignored';

const completedEvent = (call: VoiceCall, status: FinalCallStatus): CallCompletedEvent => ({
  tenantId: call.tenantId.toString(),
  callId: call._id.toString(),
  agentId: call.agentId.toString(),
  ...(call.leadId ? { leadId: call.leadId.toString() } : {}),
  ...(call.batchId ? { batchId: call.batchId.toString() } : {}),
  direction: call.direction,
  callStatus: status,
  ...(call.endedReason ? { endedReason: call.endedReason } : {}),
  durationSeconds: call.durationSeconds ?? 0,
  costMinor: call.costMinor ?? 0,
  costCurrency: call.costCurrency ?? 'USD',
  callEndedAt: (call.endedAt ?? new Date()).toISOString(),
});

/**
 * Moves calls forward, and only forward: a message for a state the call has passed (by rank) is ignored, as is
 * any move out of a final state. Reaching a final state owes `call.completed` in the same write (once per call:
 * only one move into a final state can win the compare-and-set) and frees the call's slot.
 */
@Injectable()
export class CallProgress {
  private readonly logger = new Logger(CallProgress.name);

  constructor(
    @InjectModel(VoiceCall.name) private readonly calls: Model<VoiceCall>,
    private readonly relay: EffectsRelay,
    private readonly slots: CallSlots,
    private readonly ledger: AiUsageLedger,
  ) {}

  /** A live (non-final) status from the provider. */
  async advance(call: VoiceCall, to: CallStatus, origin: TransitionOrigin, set: Record<string, unknown> = {}): Promise<ProgressOutcome> {
    if (isFinalCall(call.status) || CALL_RANK[to] <= CALL_RANK[call.status]) return 'ignored';
    if (isFinalCall(to)) return this.end(call, to, origin, set);
    try {
      const { moved } = await transition(this.calls, callLifecycle, { id: call._id, scope: { tenantId: call.tenantId }, to, origin, set });
      return moved ? 'moved' : 'ignored';
    } catch (error) {
      if (error instanceof IllegalTransitionProblem) return 'ignored';
      throw error;
    }
  }

  /**
   * Ends the call in `to` with what the ending brings. A call already final keeps its status and only gets the
   * fields it lacks (a report arriving after the sweeper timed it out). Either way usage is recorded and the slot freed.
   */
  async end(
    call: VoiceCall,
    to: FinalCallStatus,
    origin: TransitionOrigin,
    ending: CallEnding & Record<string, unknown>,
  ): Promise<ProgressOutcome> {
    const reported = 'durationSeconds' in ending;
    let outcome: ProgressOutcome = 'ignored';
    let current = call;
    if (!isFinalCall(call.status)) {
      const endedAt = ending.endedAt ?? new Date();
      const final = { ...call, ...ending, endedAt } as VoiceCall;
      try {
        const result = await transition(this.calls, callLifecycle, {
          id: call._id,
          scope: { tenantId: call.tenantId },
          to,
          origin,
          set: { ...ending, endedAt, ...(reported ? { reported: true } : {}) },
          effects: this.relay.owe('call.completed', completedEvent(final, to), `call-completed:${call._id.toString()}`),
        });
        current = result.document;
        if (result.moved) {
          outcome = 'moved';
          await this.relay.deliver(this.calls, result.document);
        }
      } catch (error) {
        if (!(error instanceof IllegalTransitionProblem)) throw error;
        current = (await this.calls.findOne({ tenantId: call.tenantId, _id: call._id }).lean<VoiceCall>()) ?? call;
      }
    }
    if (reported && !current.reported) {
      const filled = await this.calls
        .findOneAndUpdate(
          { tenantId: call.tenantId, _id: call._id, reported: false },
          { $set: { ...this.missing(current, ending), reported: true } },
          { returnDocument: 'after' },
        )
        .lean<VoiceCall>();
      if (filled) current = filled;
    }
    if (reported) await this.ledger.record(current);
    await this.slots.release(call.tenantId, call._id);
    return outcome;
  }

  /** The ending's fields the call does not have yet. */
  private missing(call: VoiceCall, ending: CallEnding): Record<string, unknown> {
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(ending)) {
      const have = (call as unknown as Record<string, unknown>)[field];
      const empty = have === undefined || have === null || have === 0 || (Array.isArray(have) && have.length === 0);
      if (empty && value !== undefined) set[field] = value;
    }
    return set;
  }
}
