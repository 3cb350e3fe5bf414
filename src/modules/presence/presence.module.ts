import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { IdentityModule } from '../identity/index.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { PresenceController } from './presence.controller.js';
import { PRESENCE_PERMISSIONS } from './presence.permissions.js';
import { PresenceService } from './presence.service.js';
import { Presence, PresenceSchema } from './schemas/presence.schema.js';

/** Who is online (seed 000's Presence), from heartbeats. */
@Module({
  imports: [IdentityModule, MongooseModule.forFeature([{ name: Presence.name, schema: PresenceSchema }])],
  controllers: [PresenceController],
  providers: [PresenceService, IdentityListeners],
})
export class PresenceModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(PRESENCE_PERMISSIONS);
  }
}
