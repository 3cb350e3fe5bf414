import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { tenantSubject, Usage } from '../entitlements/index.js';
import { billedMinutes, monthOf } from './call-costs.js';
import { AiUsage } from './schemas/ai-usage.schema.js';
import type { VoiceCall } from './schemas/voice-call.schema.js';

export const MINUTES_FEATURE = 'voice.minutes';

/**
 * What ended calls used. One line per call (unique callId), then the tenant's minutes counter for that month is
 * set to the month's sum: an absolute, never-lowering update, so a report processed twice or two reports at once
 * never count a minute twice.
 */
@Injectable()
export class AiUsageLedger {
  readonly lines: TenantScoped<AiUsage>;

  constructor(
    @InjectModel(AiUsage.name) readonly model: Model<AiUsage>,
    private readonly usage: Usage,
  ) {
    this.lines = scoped(model);
  }

  async record(call: VoiceCall): Promise<void> {
    const endedAt = call.endedAt ?? new Date();
    const month = monthOf(endedAt);
    try {
      await this.model.create({
        tenantId: call.tenantId,
        callId: call._id,
        agentId: call.agentId,
        month,
        seconds: call.durationSeconds,
        minutes: billedMinutes(call.durationSeconds),
        costMinor: call.costMinor,
        currency: call.costCurrency,
        breakdown: call.costBreakdown ?? { transport: 0, stt: 0, llm: 0, tts: 0, platform: call.costMinor },
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // Only the current month's counter refuses calls; a report of last month's call changes nothing there.
    if (month === monthOf(new Date()))
      await this.usage.settle(
        tenantSubject(call.tenantId.toString()),
        MINUTES_FEATURE,
        await this.minutesIn(call.tenantId.toString(), month),
      );
  }

  async minutesIn(tenantId: string, month: string): Promise<number> {
    const lines = await this.lines.find({ tenantId: tenantIdOf(tenantId), month }, { minutes: 1 });
    return lines.reduce((sum, line) => sum + line.minutes, 0);
  }

  forCall(tenantId: string, callId: VoiceCall['_id']) {
    return this.lines.findOne({ tenantId: tenantIdOf(tenantId), callId });
  }
}
