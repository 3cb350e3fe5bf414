import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityEvents } from '../identity/identity.events.js';
import { EmailCapture } from './schemas/email-capture.schema.js';

/** A deleted user's email capture (address, consent, IP) is erased; idempotent. */
@Injectable()
export class UserErasureListener implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(EmailCapture.name) private readonly captures: Model<EmailCapture>,
  ) {}

  onModuleInit(): void {
    this.relay.on(IdentityEvents.deleted, 'marketing', async ({ email }) => {
      await this.captures.deleteMany({ email });
    });
  }
}
