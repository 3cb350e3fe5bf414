import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { tenantIdOf } from '../../../core/database/tenant-scoped.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { TenantClosedEvent } from '../../tenancy/index.js';
import { AiUsage } from '../schemas/ai-usage.schema.js';
import { CallSlot } from '../schemas/call-slot.schema.js';
import { VapiMessage } from '../schemas/vapi-message.schema.js';
import { VoiceCall } from '../schemas/voice-call.schema.js';

/** A closed tenant's calls, their usage lines, messages and slots go; idempotent, as a rerun deletes nothing more. */
@Injectable()
export class VoiceCallsTenancyListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(VoiceCall.name) private readonly calls: Model<VoiceCall>,
    @InjectModel(AiUsage.name) private readonly usage: Model<AiUsage>,
    @InjectModel(CallSlot.name) private readonly slots: Model<CallSlot>,
    @InjectModel(VapiMessage.name) private readonly messages: Model<VapiMessage>,
  ) {}

  onModuleInit(): void {
    this.relay.on('tenant.closed', 'voice-calls', async ({ tenantId }: TenantClosedEvent) => {
      const tenant = tenantIdOf(tenantId);
      await this.slots.deleteMany({ tenantId: tenant });
      await this.usage.deleteMany({ tenantId: tenant });
      await this.messages.deleteMany({ tenantId: tenant });
      await this.calls.deleteMany({ tenantId: tenant });
    });
  }
}
