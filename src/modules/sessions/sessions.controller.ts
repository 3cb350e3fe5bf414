import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { BookingService } from './booking.service.js';
import {
  BookSessionDto,
  CancelSessionDto,
  RescheduleSessionDto,
  SessionQueryDto,
  SessionRoleQueryDto,
  SessionStatisticsQueryDto,
} from './dto/session-input.dto.js';
import { LearningSessionDto, SessionJoinDto, SessionStatisticsDto } from './dto/session.dto.js';
import { SessionMovesService } from './session-moves.service.js';
import { SessionsService } from './sessions.service.js';

const SessionPage = PageOf(LearningSessionDto);

/** Static paths (my-sessions, upcoming, history, statistics) come before `:id` so they are never read as an id. */
@ApiTags('sessions')
@Controller('sessions')
@Authenticated()
export class SessionsController {
  constructor(
    private readonly booking: BookingService,
    private readonly sessions: SessionsService,
    private readonly moves: SessionMovesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Book a session with a teacher for a skill they teach, inside their availability' })
  @ApiCreatedResponse({ type: LearningSessionDto })
  @ApiProblem(409, 'The teacher or the learner has another session at that time')
  @ApiProblem(422, 'Skill not active or not taught by the teacher, booking yourself, or outside the teacher’s availability')
  book(@Ctx() ctx: RequestContext, @Body() body: BookSessionDto): Promise<LearningSessionDto> {
    return this.booking.book(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Sessions the caller takes part in, latest start first (staff: every session)' })
  @ApiOkResponse({ type: SessionPage })
  list(@Ctx() ctx: RequestContext, @Query() query: SessionQueryDto): Promise<Page<LearningSessionDto>> {
    return this.sessions.list(ctx, query);
  }

  @Get('my-sessions')
  @ApiOperation({ summary: 'The caller’s own sessions in any status, latest start first' })
  @ApiOkResponse({ type: SessionPage })
  mine(@Ctx() ctx: RequestContext, @Query() query: SessionRoleQueryDto): Promise<Page<LearningSessionDto>> {
    return this.sessions.mine(ctx, query);
  }

  @Get('upcoming')
  @ApiOperation({ summary: 'The caller’s scheduled and running sessions, soonest first' })
  @ApiOkResponse({ type: SessionPage })
  upcoming(@Ctx() ctx: RequestContext, @Query() query: SessionRoleQueryDto): Promise<Page<LearningSessionDto>> {
    return this.sessions.upcoming(ctx, query);
  }

  @Get('history')
  @ApiOperation({ summary: 'The caller’s completed, cancelled and no-show sessions, latest first' })
  @ApiOkResponse({ type: SessionPage })
  history(@Ctx() ctx: RequestContext, @Query() query: SessionRoleQueryDto): Promise<Page<LearningSessionDto>> {
    return this.sessions.history(ctx, query);
  }

  @Get('statistics')
  @ApiOperation({ summary: 'Counts by status, minutes taught and learned, upcoming sessions (staff: scope=all for everyone’s)' })
  @ApiOkResponse({ type: SessionStatisticsDto })
  @ApiProblem(403, 'scope=all is for staff')
  statistics(@Ctx() ctx: RequestContext, @Query() query: SessionStatisticsQueryDto): Promise<SessionStatisticsDto> {
    return this.sessions.statistics(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One session the caller takes part in (staff: any), without the room’s link' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(404, 'No such session')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<LearningSessionDto> {
    return this.sessions.get(ctx, id);
  }

  @Post(':id/join')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The video room’s link and password, for participants inside the join window' })
  @ApiOkResponse({ type: SessionJoinDto })
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Outside the join window, or the session is over')
  join(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<SessionJoinDto> {
    return this.moves.join(ctx, id);
  }

  @Post(':id/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start a scheduled session (its teacher, from a few minutes before the start)' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(403, 'Only the teacher starts a session')
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Not scheduled, too early, or its time is over')
  start(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<LearningSessionDto> {
    return this.moves.start(ctx, id);
  }

  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause an ongoing session (its teacher)' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(403, 'Only the teacher pauses a session')
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Not ongoing')
  pause(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<LearningSessionDto> {
    return this.moves.pause(ctx, id);
  }

  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume a paused session (its teacher)' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(403, 'Only the teacher resumes a session')
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Not paused')
  resume(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<LearningSessionDto> {
    return this.moves.resume(ctx, id);
  }

  @Post(':id/end')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End an ongoing or paused session as completed (its teacher)' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(403, 'Only the teacher ends a session')
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Not ongoing or paused')
  end(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<LearningSessionDto> {
    return this.moves.end(ctx, id);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a session: a participant before it starts, staff until it ends' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Already started (for participants), or already over')
  cancel(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: CancelSessionDto): Promise<LearningSessionDto> {
    return this.moves.cancel(ctx, id, body.reason);
  }

  @Post(':id/reschedule')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move a scheduled session to a new slot, keeping the history of moves' })
  @ApiOkResponse({ type: LearningSessionDto })
  @ApiProblem(404, 'No such session')
  @ApiProblem(409, 'Not scheduled, rescheduled too often, or the new slot clashes with another session')
  @ApiProblem(422, 'The new slot lies outside the teacher’s availability')
  reschedule(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: RescheduleSessionDto,
  ): Promise<LearningSessionDto> {
    return this.booking.reschedule(ctx, id, body);
  }
}
