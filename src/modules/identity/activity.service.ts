import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { assertMayAccess } from '../../core/auth/ownership.js';
import type { Actor } from '../../core/auth/roles.js';
import { AppConfig } from '../../core/config/app-config.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { toPage, type Page, type PageQueryDto } from '../../core/http/pagination.js';
import type { ActivityDto } from './dto/activity.dto.js';
import { toActivityDto } from './identity.mapper.js';
import { UserActivity, type ActivityType } from './schemas/user-activity.schema.js';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class ActivityService {
  constructor(
    @InjectModel(UserActivity.name) private readonly activities: Model<UserActivity>,
    private readonly config: AppConfig,
  ) {}

  async record(
    userId: string | Types.ObjectId,
    type: ActivityType,
    client: ClientInfo,
    extra: { actorId?: string; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.activities.create({
      userId: new Types.ObjectId(userId.toString()),
      type,
      ip: client.ip,
      userAgent: client.userAgent,
      actorId: extra.actorId ? new Types.ObjectId(extra.actorId) : undefined,
      details: extra.details,
      expiresAt: new Date(Date.now() + this.config.get('ACTIVITY_RETENTION_DAYS') * DAY_MS),
    });
  }

  /** The owner or staff may read a user's security log. */
  async listFor(actor: Actor, userId: string, query: PageQueryDto): Promise<Page<ActivityDto>> {
    assertMayAccess(actor, userId);
    const filter = { userId: new Types.ObjectId(userId) };
    const [items, total] = await Promise.all([
      this.activities.find(filter).sort({ createdAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<UserActivity[]>(),
      this.activities.countDocuments(filter),
    ]);
    return toPage(items.map(toActivityDto), total, query);
  }
}
