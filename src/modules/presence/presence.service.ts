import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Actor } from '../../core/auth/roles.js';
import type { PresenceDto, PresenceState } from './presence.dto.js';
import { Presence } from './presence.schema.js';

/** Heartbeats younger than this count as online (or as the client's "away"). */
const ONLINE_MS = 60_000;
/** Between ONLINE_MS and this, a user is away; after it, offline. */
const AWAY_MS = 5 * 60_000;

@Injectable()
export class PresenceService {
  constructor(@InjectModel(Presence.name) private readonly presences: Model<Presence>) {}

  async heartbeat(actor: Actor, requested?: 'online' | 'away' | null): Promise<PresenceDto> {
    const status = requested ?? 'online';
    const now = new Date();
    await this.presences.updateOne(
      { userId: new Types.ObjectId(actor.id) },
      { $set: { status, lastSeenAt: now, expiresAt: new Date(now.getTime() + AWAY_MS) } },
      { upsert: true },
    );
    return { userId: actor.id, status, lastSeenAt: now.toISOString() };
  }

  async of(userId: string, at = new Date()): Promise<PresenceDto> {
    const presence = await this.presences.findOne({ userId: new Types.ObjectId(userId) }).lean<Presence>();
    return { userId, status: stateOf(presence, at), lastSeenAt: presence?.lastSeenAt?.toISOString() };
  }
}

export function stateOf(presence: Pick<Presence, 'status' | 'lastSeenAt'> | null | undefined, at: Date): PresenceState {
  if (!presence) return 'offline';
  const age = at.getTime() - new Date(presence.lastSeenAt).getTime();
  if (age > AWAY_MS) return 'offline';
  if (age > ONLINE_MS) return 'away';
  return presence.status ?? 'online';
}
