import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { LAB_NOTIFICATION_TYPES, type ExperimentFinishedEvent } from '../../lab/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

/**
 * What lab experiments owe their users, as owed effects the relay runs until they succeed. The effect
 * key is the notification's dedupe key, so a retried effect notifies once.
 */
@Injectable()
export class LabListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(LAB_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.relay.on('lab.experiment-finished', 'notifications', (event, key) => this.experimentFinished(event, key));
  }

  private async experimentFinished(event: ExperimentFinishedEvent, key: string): Promise<void> {
    const outcome = event.experimentStatus === 'succeeded' ? 'is ready' : 'failed';
    const seconds = Math.round(event.processingTime / 1000);
    await this.notify.notify(systemContext(key), event.ownerId, {
      type: 'lab-experiment',
      title: `Your ${event.experimentType} run ${outcome}`,
      body: `Run ${event.experimentId} finished after ${seconds} s.`,
      dedupeKey: key,
    });
  }
}
