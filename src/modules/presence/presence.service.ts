import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { UserDirectory } from '../identity/index.js';
import type { PresenceDto, PresenceState } from './dto/presence.dto.js';
import { Presence } from './schemas/presence.schema.js';

/** Heartbeats younger than this count as online (or as the client's "away"). */
const ONLINE_MS = 60_000;
/** Between ONLINE_MS and this, a user is away; after it, offline. */
const AWAY_MS = 5 * 60_000;

@Injectable()
export class PresenceService {
  constructor(
    @InjectModel(Presence.name) private readonly presences: Model<Presence>,
    private readonly policy: PermissionPolicy,
    private readonly directory: UserDirectory,
  ) {}

  async heartbeat(ctx: ActorContext, requested?: 'online' | 'away' | null): Promise<PresenceDto> {
    this.policy.require(ctx, 'presence.report');
    const status = requested ?? 'online';
    const now = new Date();
    await this.presences.updateOne(
      { userId: new Types.ObjectId(ctx.actor.id) },
      { $set: { status, lastSeenAt: now, expiresAt: new Date(now.getTime() + AWAY_MS) } },
      { upsert: true },
    );
    return { userId: ctx.actor.id, status, lastSeenAt: now.toISOString() };
  }

  /** An unknown or deleted user has no presence to show (404), rather than looking offline. */
  async of(ctx: RequestContext, userId: string, at = new Date()): Promise<PresenceDto> {
    this.policy.require(ctx, 'presence.read');
    const [exists, presence] = await Promise.all([
      this.directory.exists(userId),
      this.presences.findOne({ userId: new Types.ObjectId(userId) }).lean<Presence>(),
    ]);
    if (!exists) throw new NotFoundException('No such user.');
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
