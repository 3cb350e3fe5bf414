import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { HeartbeatDto, PresenceDto } from './presence.dto.js';
import { PresenceService } from './presence.service.js';

@ApiTags('presence')
@Controller('presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Post('heartbeat')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'I am here (send every 30 s or so; "away" when the tab is hidden)' })
  @ApiOkResponse({ type: PresenceDto })
  heartbeat(@CurrentUser() actor: Actor, @Body() body: HeartbeatDto): Promise<PresenceDto> {
    return this.presence.heartbeat(actor, body.status);
  }

  @Get(':userId')
  @Authenticated()
  @ApiOperation({ summary: 'Is a user online, away or offline' })
  @ApiOkResponse({ type: PresenceDto })
  of(@Param('userId', ObjectIdPipe) userId: string): Promise<PresenceDto> {
    return this.presence.of(userId);
  }
}
