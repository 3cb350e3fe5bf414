import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { Presence } from '../schemas/presence.schema.js';

/** A deleted user's presence is erased; idempotent, so the relay may run it again. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    @InjectModel(Presence.name) private readonly presences: Model<Presence>,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'presence', async ({ userId }, key) => {
      this.policy.require(systemContext(key), 'presence.erase');
      await this.presences.deleteMany({ userId: new Types.ObjectId(userId) });
    });
  }
}
