import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { HeartbeatDto, PresenceDto } from './dto/presence.dto.js';
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
  heartbeat(@Ctx() ctx: ActorContext, @Body() body: HeartbeatDto): Promise<PresenceDto> {
    return this.presence.heartbeat(ctx, body.status);
  }

  @Get(':userId')
  @Authenticated()
  @ApiOperation({ summary: 'Is a user online, away or offline' })
  @ApiOkResponse({ type: PresenceDto })
  @ApiProblem(404, 'No such user, or a deleted one')
  of(@Ctx() ctx: RequestContext, @Param('userId', ObjectIdPipe) userId: string): Promise<PresenceDto> {
    return this.presence.of(ctx, userId);
  }
}
