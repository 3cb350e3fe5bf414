import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateTicketDto, RatingDto, ReopenTicketDto, ReplyDto } from './dto/ticket-input.dto.js';
import { TicketDto, TicketSummaryDto } from './dto/ticket.dto.js';
import { TicketRepliesService } from './ticket-replies.service.js';
import { TicketsService } from './tickets.service.js';

const TicketSummaryPage = PageOf(TicketSummaryDto);

/** The requester's side of a ticket (staff may call these too); the desk's own routes are in TicketDeskController. */
@ApiTags('support')
@Controller('support/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly replies: TicketRepliesService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Open a support ticket; it is numbered TKT-<year>-<000001> and given SLA due times' })
  @ApiCreatedResponse({ type: TicketDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateTicketDto): Promise<TicketDto> {
    return this.tickets.create(ctx, body);
  }

  @Get('user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s tickets, newest first (the user, or staff)' })
  @ApiOkResponse({ type: TicketSummaryPage })
  @ApiProblem(404, 'No such user, or not yours to see')
  listForUser(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TicketSummaryDto>> {
    return this.tickets.listForUser(ctx, userId, query);
  }

  @Get(':ticketId')
  @Authenticated()
  @ApiOperation({ summary: 'A ticket with its conversation (internal notes and history for staff only)' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblem(404, 'No such ticket, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('ticketId', ObjectIdPipe) ticketId: string): Promise<TicketDto> {
    return this.tickets.get(ctx, ticketId);
  }

  @Post(':ticketId/messages')
  @Authenticated()
  @ApiOperation({
    summary: 'Reply on a ticket; the other side is notified',
    description:
      'A staff reply picks up an open ticket (in_progress); a requester’s reply answers a waiting ticket (back to in_progress) ' +
      'and reopens a resolved one inside the reopen window.',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblem(404, 'No such ticket, or not yours to see')
  @ApiProblem(409, 'The ticket is closed or full, or the reopen window has passed')
  reply(@Ctx() ctx: RequestContext, @Param('ticketId', ObjectIdPipe) ticketId: string, @Body() body: ReplyDto): Promise<TicketDto> {
    return this.replies.reply(ctx, ticketId, body);
  }

  @Post(':ticketId/satisfaction')
  @Authenticated()
  @ApiOperation({ summary: 'Rate a resolved or closed ticket, once (the requester)' })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblem(403, 'Only the requester rates a ticket')
  @ApiProblem(404, 'No such ticket, or not yours to see')
  @ApiProblem(409, 'Not resolved yet, or already rated')
  rate(@Ctx() ctx: RequestContext, @Param('ticketId', ObjectIdPipe) ticketId: string, @Body() body: RatingDto): Promise<TicketDto> {
    return this.tickets.rate(ctx, ticketId, body);
  }

  @Post(':ticketId/reopen')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reopen a resolved ticket inside the reopen window (the requester)' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblem(403, 'Only the requester reopens a ticket')
  @ApiProblem(404, 'No such ticket, or not yours to see')
  @ApiProblem(409, 'Not resolved, or the reopen window has passed')
  reopen(@Ctx() ctx: RequestContext, @Param('ticketId', ObjectIdPipe) ticketId: string, @Body() body: ReopenTicketDto): Promise<TicketDto> {
    return this.tickets.reopen(ctx, ticketId, body.reason);
  }
}
