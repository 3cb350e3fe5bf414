import { Global, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../jobs/job-runner.js';
import { EffectsRelay } from './effects-relay.js';

const SWEEP_EVERY_MS = 5_000;

/** The sweep that runs whatever effects a crash or a failure left owed; each tick on one instance. */
@Injectable()
class EffectsRelayJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly relay: EffectsRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('effects.relay', SWEEP_EVERY_MS, async () => ({ items: await this.relay.sweep() }));
  }
}

/** Owed effects and their relay, for every context. */
@Global()
@Module({ providers: [EffectsRelay, EffectsRelayJob], exports: [EffectsRelay] })
export class EventsModule {}
