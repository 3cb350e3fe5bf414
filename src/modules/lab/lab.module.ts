import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { ExperimentStatsService } from './experiment-stats.service.js';
import { ExperimentsController } from './experiments.controller.js';
import { ExperimentsService } from './experiments.service.js';
import { LabIdentityListeners } from './listeners/identity.listeners.js';
import { LabConfig } from './lab.config.js';
import { LAB_PERMISSIONS } from './lab.permissions.js';
import { LabExperiment, LabExperimentSchema } from './schemas/lab-experiment.schema.js';
import { TrackLabController } from './track-lab.controller.js';

/** AI lab experiment tracking: each run of a lab tool, its status, cost and statistics. */
@Module({
  imports: [MongooseModule.forFeature([{ name: LabExperiment.name, schema: LabExperimentSchema }])],
  controllers: [TrackLabController, ExperimentsController],
  providers: [configSectionProvider(LabConfig), ExperimentsService, ExperimentStatsService, LabIdentityListeners],
  exports: [ExperimentsService],
})
export class LabModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly experiments: ExperimentsService,
  ) {}

  onModuleInit(): void {
    this.policy.register(LAB_PERMISSIONS);
    // The relay's sweep retries the finished-run notices that could not be delivered at once.
    this.relay.carry(this.experiments.model);
  }
}
