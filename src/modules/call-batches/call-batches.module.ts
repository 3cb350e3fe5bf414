import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { LeadsModule } from '../leads/index.js';
import { VoiceAgentsModule } from '../voice-agents/index.js';
import { VoiceCallsModule } from '../voice-calls/index.js';
import { BatchCompletion } from './batch-completion.js';
import { CallBatchItemsRepository } from './call-batch-items.repository.js';
import { CallBatchMoves } from './call-batch-moves.js';
import { CallBatchesConfig } from './call-batches.config.js';
import { CallBatchesController } from './call-batches.controller.js';
import { CALL_BATCHES_PERMISSIONS } from './call-batches.permissions.js';
import { CallBatchesService } from './call-batches.service.js';
import { CallBatchesDrainJob } from './jobs/call-batches-drain.job.js';
import { CallBatchesTenancyListeners } from './listeners/tenancy.listeners.js';
import { CallBatchesVoiceCallsListeners } from './listeners/voice-calls.listeners.js';
import { CallBatchItem, CallBatchItemSchema } from './schemas/call-batch-item.schema.js';
import { CallBatch, CallBatchSchema } from './schemas/call-batch.schema.js';

/** Call batches: outbound calls to many leads with one agent, in each lead's calling hours, drained by a job. */
@Module({
  imports: [
    VoiceCallsModule,
    LeadsModule,
    VoiceAgentsModule,
    MongooseModule.forFeature([
      { name: CallBatch.name, schema: CallBatchSchema },
      { name: CallBatchItem.name, schema: CallBatchItemSchema },
    ]),
  ],
  controllers: [CallBatchesController],
  providers: [
    configSectionProvider(CallBatchesConfig),
    CallBatchMoves,
    CallBatchItemsRepository,
    BatchCompletion,
    CallBatchesService,
    CallBatchesDrainJob,
    CallBatchesVoiceCallsListeners,
    CallBatchesTenancyListeners,
  ],
})
export class CallBatchesModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(CALL_BATCHES_PERMISSIONS);
  }
}
