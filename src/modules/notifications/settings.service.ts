import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { anyOf } from '../../core/database/find-page.js';
import { ValidationProblem, type FieldError } from '../../core/http/problem.js';
import type { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/settings.dto.js';
import { NotificationTypes } from './notification-type-registry.js';
import type { ChannelSwitches } from './notification-types.js';
import { NotificationSettings, type QuietHours } from './schemas/notification-settings.schema.js';

export interface ResolvedSettings {
  switches(type: string): ChannelSwitches;
  quietHours: QuietHours;
}

const NO_QUIET_HOURS: QuietHours = { enabled: false, start: '22:00', end: '07:00' };

/** A user's channel switches per notification type, and their quiet hours. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectModel(NotificationSettings.name) private readonly settings: Model<NotificationSettings>,
    private readonly types: NotificationTypes,
    private readonly policy: PermissionPolicy,
  ) {}

  async get(ctx: ActorContext): Promise<NotificationSettingsDto> {
    this.policy.require(ctx, 'notification.mine');
    return this.view((await this.load([ctx.actor.id])).get(ctx.actor.id)!);
  }

  /** Merges the changes; types are the registered ones, and a critical type's in-app and email channels stay on. */
  async update(ctx: ActorContext, changes: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    this.policy.require(ctx, 'notification.mine');
    const userId = new Types.ObjectId(ctx.actor.id);
    const $set: Record<string, unknown> = {};
    const errors: FieldError[] = [];
    for (const [type, switches] of Object.entries(changes.channels ?? {})) {
      if (!this.types.has(type)) {
        errors.push({ field: `channels.${type}`, message: 'is not a notification type' });
        continue;
      }
      for (const [channel, on] of Object.entries(switches ?? {})) {
        if (on === undefined) continue;
        if (!on && this.types.isCritical(type) && (channel === 'in_app' || channel === 'email'))
          errors.push({ field: `channels.${type}.${channel}`, message: 'a critical type’s channel cannot be turned off' });
        $set[`channels.${type}.${channel}`] = on;
      }
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
    for (const [key, value] of Object.entries(changes.quietHours ?? {})) if (value !== undefined) $set[`quietHours.${key}`] = value;
    if (Object.keys($set).length > 0)
      await this.settings.updateOne({ userId }, { $set, $setOnInsert: { userId } }, { upsert: true, runValidators: true });
    return this.get(ctx);
  }

  /** The settings in force for the recipients of a send, in one query (users who changed nothing get the defaults). */
  resolveMany(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, ResolvedSettings>> {
    this.policy.require(ctx, 'notification.send');
    return this.load(userIds);
  }

  async eraseUser(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'notification.maintain');
    await this.settings.deleteMany({ userId: new Types.ObjectId(userId) });
  }

  private async load(userIds: readonly string[]): Promise<Map<string, ResolvedSettings>> {
    const stored = await this.settings.find({ userId: anyOf(userIds.map((id) => new Types.ObjectId(id))) }).lean<NotificationSettings[]>();
    const byUser = new Map(stored.map((row) => [row.userId.toString(), row]));
    return new Map(
      userIds.map((id) => {
        const row = byUser.get(id);
        return [
          id,
          { switches: (type) => this.types.switches(type, row?.channels?.[type]), quietHours: row?.quietHours ?? NO_QUIET_HOURS },
        ];
      }),
    );
  }

  private view(resolved: ResolvedSettings): NotificationSettingsDto {
    const channels = Object.fromEntries(this.types.names().map((type) => [type, resolved.switches(type)]));
    return { channels, quietHours: resolved.quietHours, criticalTypes: this.types.criticalTypes() };
  }
}
