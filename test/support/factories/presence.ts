import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { PresenceDto } from '../../../src/modules/presence/dto/presence.dto.js';
import { PresenceService } from '../../../src/modules/presence/presence.service.js';
import { Presence } from '../../../src/modules/presence/schemas/presence.schema.js';
import { contextOf } from './identity.js';

export const presenceModel = (app: INestApplicationContext) => app.get<Model<Presence>>(getModelToken(Presence.name));

/** A heartbeat of the user's, through the service. */
export function heartbeat(app: INestApplicationContext, user: { id: string }, status: 'online' | 'away' = 'online'): Promise<PresenceDto> {
  return app.get(PresenceService).heartbeat(contextOf(user), status);
}

/** Moves the user's last heartbeat `ms` into the past, as if that much time had gone by since. */
export async function agePresence(app: INestApplicationContext, userId: string, ms: number): Promise<void> {
  await presenceModel(app).updateOne({ userId: new Types.ObjectId(userId) }, { $set: { lastSeenAt: new Date(Date.now() - ms) } });
}
