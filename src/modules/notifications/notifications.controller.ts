import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import {
  NotificationDto,
  NotificationListDto,
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
import { NotificationSender } from './notification-sender.js';
import { NotificationsService } from './notifications.service.js';
import { PushService } from './push.service.js';
import { SettingsService } from './settings.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly push: PushService,
    private readonly sender: NotificationSender,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My notifications, newest first: filter by type, read, priority and date; by page, or after a cursor' })
  @ApiOkResponse({ type: NotificationListDto })
  list(@Ctx() ctx: ActorContext, @Query() query: NotificationQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(ctx, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@Ctx() ctx: ActorContext): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(ctx) };
  }

  @Put('read-all')
  @Authenticated()
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  async readAll(@Ctx() ctx: ActorContext): Promise<ReadAllResultDto> {
    return { updated: await this.notifications.markAllRead(ctx) };
  }

  @Get('settings')
  @Authenticated()
  @ApiOperation({ summary: 'My notification settings: channels per type, quiet hours' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  getSettings(@Ctx() ctx: ActorContext): Promise<NotificationSettingsDto> {
    return this.settings.get(ctx);
  }

  @Put('settings')
  @Authenticated()
  @ApiOperation({ summary: 'Change my notification settings (critical types stay on in-app and email)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  updateSettings(@Ctx() ctx: ActorContext, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.settings.update(ctx, body);
  }

  @Post('subscribe')
  @Authenticated()
  @ApiOperation({ summary: 'Register this browser for Web Push (endpoint + keys from the Push API)' })
  @ApiCreatedResponse({ type: PushSubscriptionDto })
  subscribe(@Ctx() ctx: ActorContext, @Body() body: SubscribePushDto): Promise<PushSubscriptionDto> {
    return this.push.subscribe(ctx, body);
  }

  @Post('unsubscribe')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove this browser’s Web Push subscription' })
  @ApiNoContentResponse({ description: 'Removed (or was not there)' })
  unsubscribe(@Ctx() ctx: ActorContext, @Body() body: UnsubscribePushDto): Promise<void> {
    return this.push.unsubscribe(ctx, body.endpoint);
  }

  @Post('send')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Send a notification to users or to a role, now or scheduled (staff)' })
  @ApiCreatedResponse({ type: SendResultDto })
  send(@Ctx() ctx: ActorContext, @Body() body: SendNotificationDto): Promise<SendResultDto> {
    return this.sender.send(ctx, body);
  }

  @Put(':id/read')
  @Authenticated()
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblem(404, 'No such notification of mine (another user’s does not exist for me, staff included)')
  read(@Ctx() ctx: ActorContext, @Param('id', ObjectIdPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(ctx, id);
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of my notifications' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such notification of mine (another user’s does not exist for me, staff included)')
  remove(@Ctx() ctx: ActorContext, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.notifications.remove(ctx, id);
  }
}
