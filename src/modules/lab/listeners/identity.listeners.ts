import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { EffectsRelay } from '../../../core/events/index.js';
import { LabExperiment } from '../schemas/lab-experiment.schema.js';

/** A deleted account takes its lab runs with it (their inputs and outputs are its own). Idempotent. */
@Injectable()
export class LabIdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(LabExperiment.name) private readonly experiments: Model<LabExperiment>,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'lab', async ({ userId }) => {
      await this.experiments.deleteMany({ userId: new Types.ObjectId(userId) });
    });
  }
}
