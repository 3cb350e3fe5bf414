import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { EmailCapture } from '../schemas/email-capture.schema.js';

/** A deleted user's email sign-up (address, consent trail, client address) is erased; idempotent, so the relay may run it again. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    @InjectModel(EmailCapture.name) private readonly captures: Model<EmailCapture>,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'marketing', async ({ email }, key) => {
      this.policy.require(systemContext(key), 'marketing.erase');
      await this.captures.deleteMany({ email });
    });
  }
}
