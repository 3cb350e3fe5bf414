import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CHANNELS, NOTIFICATION_TYPES, type ChannelSwitches, type NotificationType } from '../notification-types.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ChannelSwitchesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() in_app?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() push?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sms?: boolean;
}

/** One optional ChannelSwitchesDto per notification type. */
export class ChannelSettingsDto {}
for (const type of NOTIFICATION_TYPES) {
  ApiPropertyOptional({ type: ChannelSwitchesDto })(ChannelSettingsDto.prototype, type);
  IsOptional()(ChannelSettingsDto.prototype, type);
  ValidateNested()(ChannelSettingsDto.prototype, type);
  Type(() => ChannelSwitchesDto)(ChannelSettingsDto.prototype, type);
}

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
  channels?: Partial<Record<NotificationType, Partial<ChannelSwitches>>>;

  @ApiPropertyOptional({ type: QuietHoursDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;
}

class ChannelSwitchesViewDto {
  @ApiProperty() in_app: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty() push: boolean;
  @ApiProperty() sms: boolean;
}

/** Every notification type with its channel switches. */
class ChannelSettingsViewDto {}
for (const type of NOTIFICATION_TYPES) ApiProperty({ type: ChannelSwitchesViewDto })(ChannelSettingsViewDto.prototype, type);

class QuietHoursViewDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: ChannelSettingsViewDto, description: `Per type, each channel (${CHANNELS.join(', ')}) on or off` })
  channels: Record<NotificationType, ChannelSwitches>;
  @ApiProperty({ type: QuietHoursViewDto }) quietHours: QuietHoursViewDto;
  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true, description: 'Always delivered in-app and by email, even in quiet hours' })
  criticalTypes: NotificationType[];
}
