import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { EffectsRelay } from '../../core/events/index.js';
import { EntitlementsModule, PlanCatalogue } from '../entitlements/index.js';
import { LeadsModule } from '../leads/index.js';
import { VoiceAgentsModule } from '../voice-agents/index.js';
import { AiUsageLedger } from './ai-usage-ledger.js';
import { CallPlacer, CONCURRENCY_FEATURE } from './call-placer.js';
import { CallProgress } from './call-progress.js';
import { CallSlots } from './call-slots.js';
import { StuckCallsJob } from './jobs/stuck-calls.job.js';
import { VoiceCallsTenancyListeners } from './listeners/tenancy.listeners.js';
import { voiceProviderProvider } from './providers/voice-provider.provider.js';
import { AiUsage, AiUsageSchema } from './schemas/ai-usage.schema.js';
import { CallSlot, CallSlotSchema } from './schemas/call-slot.schema.js';
import { VapiMessage, VapiMessageSchema } from './schemas/vapi-message.schema.js';
import { VoiceCall, VoiceCallSchema } from './schemas/voice-call.schema.js';
import { VapiWebhookController } from './vapi-webhook.controller.js';
import { VapiMessageLog } from './vapi-message-log.js';
import { VapiWebhookService } from './vapi-webhook.service.js';
import { voiceCallsConfigProvider } from './voice-calls.config.js';
import { VoiceCallsController } from './voice-calls.controller.js';
import { VOICE_CALLS_PERMISSIONS } from './voice-calls.permissions.js';
import { VoiceCallsService } from './voice-calls.service.js';

/** Voice calls: placing them through Vapi (or its simulator), their lifecycle from Vapi's messages, costs and usage. */
@Module({
  imports: [
    EntitlementsModule,
    LeadsModule,
    VoiceAgentsModule,
    MongooseModule.forFeature([
      { name: VoiceCall.name, schema: VoiceCallSchema },
      { name: AiUsage.name, schema: AiUsageSchema },
      { name: CallSlot.name, schema: CallSlotSchema },
      { name: VapiMessage.name, schema: VapiMessageSchema },
    ]),
  ],
  controllers: [VoiceCallsController, VapiWebhookController],
  providers: [
    voiceCallsConfigProvider,
    voiceProviderProvider,
    CallSlots,
    AiUsageLedger,
    CallProgress,
    CallPlacer,
    VoiceCallsService,
    VapiMessageLog,
    VapiWebhookService,
    StuckCallsJob,
    VoiceCallsTenancyListeners,
  ],
  exports: [CallPlacer],
})
export class VoiceCallsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly catalogue: PlanCatalogue,
    @InjectModel(VoiceCall.name) private readonly calls: Model<VoiceCall>,
  ) {}

  onModuleInit(): void {
    this.policy.register(VOICE_CALLS_PERMISSIONS);
    // The relay's sweep retries the call.completed a call's end owes and could not deliver at once.
    this.relay.carry(this.calls);
    this.catalogue.declareFeatures('voice-calls', [
      {
        key: CONCURRENCY_FEATURE,
        name: 'Concurrent voice calls',
        description: 'Calls a tenant may have in flight at once',
        type: 'limit',
        period: 'none',
        unit: 'calls',
        defaultValue: 1,
        plans: { free: 1, starter: 2, pro: 5, 'pro-yearly': 5 },
      },
    ]);
  }
}
