import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityEvents } from '../identity/identity.events.js';
import { Presence } from './presence.schema.js';

/** A deleted user's presence is erased; idempotent. */
@Injectable()
export class UserErasureListener implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(Presence.name) private readonly presences: Model<Presence>,
  ) {}

  onModuleInit(): void {
    this.relay.on(IdentityEvents.deleted, 'presence', async ({ userId }) => {
      await this.presences.deleteMany({ userId: new Types.ObjectId(userId) });
    });
  }
}
