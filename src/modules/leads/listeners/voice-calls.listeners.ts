import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../../core/database/tenant-scoped.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { owedEffects } from '../../../core/events/owed-effect.js';
import { IllegalTransitionProblem } from '../../../core/http/problem.js';
import { transition } from '../../../core/lifecycle/index.js';
import type { CallCompletedEvent } from '../../voice-calls/index.js';
import { LeadEvents } from '../lead-events.js';
import { leadLifecycle } from '../lead.lifecycle.js';
import { Lead, REMEMBERED_CALLS } from '../schemas/lead.schema.js';

const isId = (id: string | undefined): id is string => typeof id === 'string' && id.length === 24 && Types.ObjectId.isValid(id);

/**
 * A call that reached its final status counts once on its lead (by call id: a redelivered event finds the id
 * among the lead's counted calls and changes nothing). An answered call (`completed`) also marks the lead
 * contacted: the time, and new → contacted as the system. A call that was not answered (no answer, busy,
 * failed, canceled) counts as an attempt only. Each change owes `lead.updated`.
 */
@Injectable()
export class LeadsVoiceCallsListeners implements OnModuleInit {
  private readonly leads: TenantScoped<Lead>;

  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly events: LeadEvents,
    @InjectModel(Lead.name) model: Model<Lead>,
  ) {
    this.leads = scoped(model);
  }

  onModuleInit(): void {
    this.relay.on('call.completed', 'leads', (event, key) => this.callCompleted(event, key));
  }

  async callCompleted(event: CallCompletedEvent, key: string): Promise<void> {
    this.policy.require(systemContext(key), 'lead.system');
    if (!isId(event.leadId) || !isId(event.tenantId) || !isId(event.callId)) return;
    const tenantId = tenantIdOf(event.tenantId);
    const leadId = new Types.ObjectId(event.leadId);
    const answered = event.callStatus === 'completed';
    const endedAt = new Date(event.callEndedAt);
    const at = Number.isNaN(endedAt.getTime()) ? new Date() : endedAt;
    const current = await this.leads.findOne({ tenantId, _id: leadId }, { status: 1 });
    if (!current) return; // deleted since the call: nothing to mark
    const changes = ['lastCallId', 'lastCallStatus', 'callCount', ...(answered ? ['lastContactedAt'] : [])];
    const now = new Date();
    const counted = await this.leads.findOneAndUpdate(
      { tenantId, _id: leadId, countedCallIds: trusted({ $ne: event.callId }) },
      {
        $set: {
          lastCallId: new Types.ObjectId(event.callId),
          lastCallStatus: event.callStatus,
          ...(answered ? { lastContactedAt: at } : {}),
        },
        $inc: { callCount: 1 },
        $push: {
          countedCallIds: { $each: [event.callId], $slice: -REMEMBERED_CALLS },
          effects: { $each: owedEffects(this.events.owe({ _id: leadId, tenantId, status: current.status }, changes, now), now) },
        },
      },
    );
    if (counted) await this.events.deliver(counted);
    // The move runs even when the call was already counted: a crash between the two writes leaves it owed.
    const lead = counted ?? (await this.leads.findOne({ tenantId, _id: leadId }));
    if (!answered || lead?.status !== 'new') return;
    try {
      const moved = await transition(this.leads.model, leadLifecycle, {
        id: leadId,
        scope: { tenantId },
        to: 'contacted',
        expectedFrom: 'new',
        origin: { trigger: 'system', source: 'call', eventId: event.callId },
        effects: this.events.owe({ _id: leadId, tenantId, status: 'contacted' }, ['status']),
      });
      await this.events.deliver(moved.document);
    } catch (error) {
      // Someone moved the lead meanwhile (qualified it, put it on do-not-call): their move stands.
      if (!(error instanceof IllegalTransitionProblem)) throw error;
    }
  }
}
