import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { Client, type ClientInfo } from '../../core/http/client-info.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import {
  NotificationDto,
  NotificationQueryDto,
  PushSubscriptionDto,
  ReadAllResultDto,
  SendNotificationDto,
  SendResultDto,
  SubscribePushDto,
  UnreadCountDto,
  UnsubscribePushDto,
} from './dto/notification.dto.js';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/settings.dto.js';
import { NotificationsService } from './notifications.service.js';
import { PushService } from './push.service.js';
import { SettingsService } from './settings.service.js';

const NotificationPage = PageOf(NotificationDto);

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly push: PushService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My notifications: filter by type, read, priority and date' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentUser() actor: Actor, @Query() query: NotificationQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentUser() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Put('read-all')
  @Authenticated()
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  async readAll(@CurrentUser() actor: Actor): Promise<ReadAllResultDto> {
    return { updated: await this.notifications.markAllRead(actor) };
  }

  @Get('settings')
  @Authenticated()
  @ApiOperation({ summary: 'My notification settings: channels per type, quiet hours' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  getSettings(@CurrentUser() actor: Actor): Promise<NotificationSettingsDto> {
    return this.settings.get(actor);
  }

  @Put('settings')
  @Authenticated()
  @ApiOperation({ summary: 'Change my notification settings (critical types stay on in-app and email)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  updateSettings(@CurrentUser() actor: Actor, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.settings.update(actor, body);
  }

  @Post('subscribe')
  @Authenticated()
  @ApiOperation({ summary: 'Register this browser for Web Push (endpoint + keys from the Push API)' })
  @ApiCreatedResponse({ type: PushSubscriptionDto })
  subscribe(@CurrentUser() actor: Actor, @Body() body: SubscribePushDto, @Client() client: ClientInfo): Promise<PushSubscriptionDto> {
    return this.push.subscribe(actor, body, client);
  }

  @Post('unsubscribe')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove this browser’s Web Push subscription' })
  @ApiNoContentResponse({ description: 'Removed (or was not there)' })
  unsubscribe(@CurrentUser() actor: Actor, @Body() body: UnsubscribePushDto): Promise<void> {
    return this.push.unsubscribe(actor, body.endpoint);
  }

  @Post('send')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Send a notification to users or to a role, now or scheduled (staff)' })
  @ApiCreatedResponse({ type: SendResultDto })
  send(@Body() body: SendNotificationDto): Promise<SendResultDto> {
    return this.notifications.send(body);
  }

  @Put(':id/read')
  @Authenticated()
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  read(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of my notifications' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.notifications.remove(actor, id);
  }
}
