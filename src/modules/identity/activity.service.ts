import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { findPage, type PageRequest } from '../../core/database/find-page.js';
import type { Page } from '../../core/http/pagination.js';
import type { ActivityDto } from './dto/activity.dto.js';
import { IdentityConfig } from './identity.config.js';
import { toActivityDto } from './identity.mapper.js';
import { UserActivity, type ActivityType } from './schemas/user-activity.schema.js';
import { insertLean } from '../../core/database/insert-lean.js';

const DAY_MS = 24 * 3600 * 1000;

/** The security log of each user, kept ACTIVITY_RETENTION_DAYS. */
@Injectable()
export class ActivityService {
  constructor(
    @InjectModel(UserActivity.name) private readonly activities: Model<UserActivity>,
    private readonly policy: PermissionPolicy,
    private readonly config: IdentityConfig,
  ) {}

  /** Notes what happened to `userId`, from where; the caller is recorded when it is someone else (an admin). */
  async record(ctx: RequestContext, userId: string | Types.ObjectId, type: ActivityType, details?: Record<string, unknown>): Promise<void> {
    const subject = userId.toString();
    const actorId = ctx.actor && ctx.actor.id !== subject ? new Types.ObjectId(ctx.actor.id) : undefined;
    await insertLean(this.activities, {
      userId: new Types.ObjectId(subject),
      type,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
      actorId,
      details,
      expiresAt: new Date(Date.now() + this.config.ACTIVITY_RETENTION_DAYS * DAY_MS),
    });
  }

  /** The owner or staff may read a user's security log; for anyone else that user has none. */
  async listFor(ctx: RequestContext, userId: string, page: PageRequest): Promise<Page<ActivityDto>> {
    this.policy.requireOn(ctx, 'activity.read', { ownerId: userId }, 'user');
    return findPage(this.activities, { userId: new Types.ObjectId(userId) }, page, toActivityDto, { createdAt: -1 });
  }
}
