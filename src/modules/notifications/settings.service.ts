import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Actor } from '../../core/auth/roles.js';
import type { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/settings.dto.js';
import {
  CHANNELS,
  CRITICAL_TYPES,
  defaultSwitches,
  NOTIFICATION_TYPES,
  type Channel,
  type ChannelSwitches,
  type NotificationType,
} from './notification-types.js';
import { NotificationSettings, type QuietHours } from './schemas/notification-settings.schema.js';

export interface ResolvedSettings {
  switches(type: NotificationType): ChannelSwitches;
  quietHours: QuietHours;
}

@Injectable()
export class SettingsService {
  constructor(@InjectModel(NotificationSettings.name) private readonly settings: Model<NotificationSettings>) {}

  async resolve(userId: string): Promise<ResolvedSettings> {
    const stored = await this.settings.findOne({ userId: new Types.ObjectId(userId) }).lean<NotificationSettings>();
    return {
      switches: (type) => effectiveSwitches(type, stored?.channels?.[type]),
      quietHours: stored?.quietHours ?? { enabled: false, start: '22:00', end: '07:00' },
    };
  }

  async get(actor: Actor): Promise<NotificationSettingsDto> {
    return this.view(await this.resolve(actor.id));
  }

  /** Merges the changes; a critical type's in-app and email channels cannot be switched off. */
  async update(actor: Actor, changes: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    const $set: Record<string, unknown> = {};
    for (const [type, switches] of Object.entries(changes.channels ?? {})) {
      if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) throw new BadRequestException(`Unknown notification type: ${type}`);
      for (const [channel, on] of Object.entries(switches ?? {})) {
        if (on === undefined) continue;
        if (CRITICAL_TYPES.includes(type as NotificationType) && !on && (channel === 'in_app' || channel === 'email')) {
          throw new BadRequestException(`${type} notifications are critical: their ${channel} channel cannot be turned off.`);
        }
        $set[`channels.${type}.${channel}`] = on;
      }
    }
    for (const [key, value] of Object.entries(changes.quietHours ?? {})) if (value !== undefined) $set[`quietHours.${key}`] = value;
    if (Object.keys($set).length > 0) {
      await this.settings.updateOne(
        { userId: new Types.ObjectId(actor.id) },
        { $set, $setOnInsert: { userId: new Types.ObjectId(actor.id) } },
        { upsert: true, runValidators: true },
      );
    }
    return this.get(actor);
  }

  private view(resolved: ResolvedSettings): NotificationSettingsDto {
    const channels = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, resolved.switches(type)])) as Record<
      NotificationType,
      ChannelSwitches
    >;
    return { channels, quietHours: resolved.quietHours, criticalTypes: [...CRITICAL_TYPES] };
  }
}

function effectiveSwitches(type: NotificationType, stored: Record<string, boolean> | undefined): ChannelSwitches {
  const switches = { ...defaultSwitches(type), ...(stored ?? {}) } as ChannelSwitches;
  if (CRITICAL_TYPES.includes(type)) {
    switches.in_app = true;
    switches.email = true;
  }
  return Object.fromEntries(CHANNELS.map((channel: Channel) => [channel, switches[channel]])) as ChannelSwitches;
}
