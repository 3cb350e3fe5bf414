import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { ConsultationsService } from '../consultations.service.js';
import { ContactService } from '../contact.service.js';
import { TicketsRepository } from '../tickets.repository.js';

/**
 * A deleted account takes its support data with it: tickets (messages, ratings and the desk's notes on
 * them), consultations and contact messages. Idempotent, so the relay may run it again.
 */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly tickets: TicketsRepository,
    private readonly consultations: ConsultationsService,
    private readonly contact: ContactService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'support', async ({ userId, email }, key) => {
      const ctx = systemContext(key);
      this.policy.require(ctx, 'support.erase');
      await Promise.all([
        this.tickets.eraseRequester(new Types.ObjectId(userId), email),
        this.consultations.eraseRequester(ctx, userId),
        this.contact.eraseSender(ctx, userId, email),
      ]);
    });
  }
}
