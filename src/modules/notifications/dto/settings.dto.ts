import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CHANNELS, type ChannelSwitches } from '../notification-types.js';
import { ChannelSettingsDto, ChannelSettingsViewDto, REGISTERED_TYPES } from './channel-settings.dto.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: '22:00', description: 'Local time in my profile’s time zone' })
  @IsOptional()
  @Matches(HHMM)
  start?: string;
  @ApiPropertyOptional({ example: '07:00' }) @IsOptional() @Matches(HHMM) end?: string;
}

export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional({ type: ChannelSettingsDto, description: 'Per type, per channel on/off' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelSettingsDto)
  channels?: Record<string, Partial<ChannelSwitches>>;

  @ApiPropertyOptional({ type: QuietHoursDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;
}

class QuietHoursViewDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: ChannelSettingsViewDto, description: `Per type, each channel (${CHANNELS.join(', ')}) on or off` })
  channels: Record<string, ChannelSwitches>;
  @ApiProperty({ type: QuietHoursViewDto }) quietHours: QuietHoursViewDto;
  // The items' enum is the live registry list (not `isArray`, which would fix the item type while it is empty).
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: REGISTERED_TYPES },
    description: 'Always delivered in-app and by email, even in quiet hours',
  })
  criticalTypes: string[];
}
