import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsMongoId,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { ROLES, type Role } from '../../../core/auth/roles.js';
import { IsPublicHttpsUrl } from '../../../core/net/index.js';
import { ExactlyOneOf } from '../../../core/http/exactly-one-of.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { CHANNELS, DELIVERY_STATUSES, PRIORITIES, type Channel, type DeliveryStatus, type Priority } from '../notification-types.js';
import { REGISTERED_TYPES } from './channel-settings.dto.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class NotificationActionDto {
  @ApiProperty({ maxLength: 60 }) @IsString() @MinLength(1) @MaxLength(60) @NotBlank() label: string;
  @ApiProperty({ format: 'uri' }) @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(2048) url: string;
}

export class NotificationAttachmentDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() name: string;
  @ApiProperty({ format: 'uri' }) @IsUrl({ protocols: ['https'], require_protocol: true }) @MaxLength(2048) url: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) contentType?: string;
}

export class ChannelDeliveryDto {
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiPropertyOptional({ format: 'date-time' }) at?: string;
  @ApiPropertyOptional() reason?: string;
}

export class DeliveryByChannelDto {
  @ApiPropertyOptional({ type: ChannelDeliveryDto }) in_app?: ChannelDeliveryDto;
  @ApiPropertyOptional({ type: ChannelDeliveryDto }) email?: ChannelDeliveryDto;
  @ApiPropertyOptional({ type: ChannelDeliveryDto }) push?: ChannelDeliveryDto;
  @ApiPropertyOptional({ type: ChannelDeliveryDto }) sms?: ChannelDeliveryDto;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ type: String, enum: REGISTERED_TYPES }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: NotificationActionDto, isArray: true }) actions: NotificationActionDto[];
  @ApiProperty({ type: NotificationAttachmentDto, isArray: true }) attachments: NotificationAttachmentDto[];
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: Channel[];
  @ApiProperty({ type: DeliveryByChannelDto, description: 'What happened on each channel' }) delivery: DeliveryByChannelDto;
  @ApiProperty() read: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) readAt?: string;
  @ApiPropertyOptional() groupKey?: string;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, enum: REGISTERED_TYPES }) @IsOptional() @IsIn(REGISTERED_TYPES) type?: string;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBoolean) @IsBoolean() read?: boolean;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() to?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'The nextCursor of a previous answer: the items after it, newest first (page is then ignored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/)
  after?: string;
}

/** A page of my notifications; `nextCursor` continues after the last item (null at the end). */
export class NotificationListDto {
  @ApiProperty({ type: NotificationDto, isArray: true }) items: NotificationDto[];
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next items; null at the end' })
  nextCursor: string | null;
  @ApiPropertyOptional({ description: 'Items matching the filters, across all pages (page answers only, not after a cursor)' })
  total?: number;
  @ApiPropertyOptional({ description: 'The page answered (page answers only)' }) page?: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class ReadAllResultDto {
  @ApiProperty() updated: number;
}

@ExactlyOneOf('userIds', 'role')
export class SendNotificationDto {
  @ApiPropertyOptional({ type: String, isArray: true, description: 'Recipients by id (up to 1000), or use role' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsMongoId({ each: true })
  userIds?: string[];

  @ApiPropertyOptional({ enum: ROLES, description: 'Every user with this role' }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiProperty({ type: String, enum: REGISTERED_TYPES }) @IsIn(REGISTERED_TYPES) type: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() title: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @MinLength(1) @MaxLength(5000) @NotBlank() body: string;
  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, default: ['in_app'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ type: NotificationActionDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => NotificationActionDto)
  actions?: NotificationActionDto[];

  @ApiPropertyOptional({ type: NotificationAttachmentDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => NotificationAttachmentDto)
  attachments?: NotificationAttachmentDto[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Send later; omitted means now' })
  @IsOptional()
  @IsDateString()
  scheduledFor?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) groupKey?: string;
}

export class SendResultDto {
  @ApiProperty({ description: 'Notifications created' }) created: number;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
}

export class PushSubscriptionKeysDto {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) p256dh: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(100) auth: string;
}

export class SubscribePushDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 2048,
    description: 'The push service endpoint from PushSubscription.endpoint: a public https URL (no credentials, local or private hosts)',
  })
  @IsString()
  @MaxLength(2048)
  @IsPublicHttpsUrl()
  endpoint: string;

  @ApiProperty({ type: PushSubscriptionKeysDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PushSubscriptionKeysDto)
  keys: PushSubscriptionKeysDto;
}

export class UnsubscribePushDto {
  @ApiProperty({ format: 'uri' }) @IsUrl({ protocols: ['https'], require_protocol: true }) @MaxLength(2048) endpoint: string;
}

export class PushSubscriptionDto {
  @ApiProperty() id: string;
  @ApiProperty() endpoint: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
