import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PresenceController } from './presence.controller.js';
import { Presence, PresenceSchema } from './presence.schema.js';
import { PresenceService } from './presence.service.js';
import { UserErasureListener } from './user-erasure.listener.js';

/** Who is online (seed 000's Presence), from heartbeats. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Presence.name, schema: PresenceSchema }])],
  controllers: [PresenceController],
  providers: [PresenceService, UserErasureListener],
})
export class PresenceModule {}
