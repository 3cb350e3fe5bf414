import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { RegistrationsService } from '../registrations.service.js';

/** A deleted account takes its webinar registrations with it (by account and by address); idempotent for the relay. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly registrations: RegistrationsService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'webinars', ({ userId, email }, key) =>
      this.registrations.eraseRegistrant(systemContext(key), userId, email),
    );
  }
}
