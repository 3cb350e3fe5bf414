import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EffectsRelay } from '../../../core/events/index.js';
import type { UserDeletedEvent } from '../../identity/index.js';
import { EmailQueue } from '../email-queue.repository.js';

/** A deleted account's emails, queued or sent, are erased with the address they were for; idempotent. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly queue: EmailQueue,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'mail', (event) => this.erase(event));
  }

  private erase({ email }: UserDeletedEvent): Promise<void> {
    return this.queue.eraseTo(email);
  }
}
