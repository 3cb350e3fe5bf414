import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { AssignTicketDto, NoteDto, TransitionTicketDto } from './dto/ticket-input.dto.js';
import { TicketQueueQueryDto } from './dto/ticket-queue.dto.js';
import { TicketDto, TicketSummaryDto } from './dto/ticket.dto.js';
import { TicketsService } from './tickets.service.js';

const TicketQueuePage = PageOf(TicketSummaryDto);

/** The desk: the queue, assignment, status moves and internal notes (staff). */
@ApiTags('support')
@Controller('support')
export class TicketDeskController {
  constructor(private readonly tickets: TicketsService) {}

  @Get('queue')
  @Roles('staff', 'admin')
  @ApiOperation({
    summary: 'The ticket queue, soonest SLA due first, by status, priority, category, assignee, overdue, created range (staff)',
  })
  @ApiOkResponse({ type: TicketQueuePage })
  queue(@Ctx() ctx: RequestContext, @Query() query: TicketQueueQueryDto): Promise<Page<TicketSummaryDto>> {
    return this.tickets.queue(ctx, query);
  }

  @Post('tickets/:ticketId/assign')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Assign a ticket to a staff member, who is notified (staff)' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblem(404, 'No such ticket')
  assign(@Ctx() ctx: RequestContext, @Param('ticketId', ObjectIdPipe) ticketId: string, @Body() body: AssignTicketDto): Promise<TicketDto> {
    return this.tickets.assign(ctx, ticketId, body);
  }

  @Post('tickets/:ticketId/transition')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move a ticket along its lifecycle; the requester is notified (staff)' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblem(404, 'No such ticket')
  @ApiProblem(409, 'The lifecycle does not allow this move (closed is final)')
  transition(
    @Ctx() ctx: RequestContext,
    @Param('ticketId', ObjectIdPipe) ticketId: string,
    @Body() body: TransitionTicketDto,
  ): Promise<TicketDto> {
    return this.tickets.transition(ctx, ticketId, body);
  }

  @Post('tickets/:ticketId/notes')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Add an internal note, never shown to the requester (staff)' })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblem(404, 'No such ticket')
  @ApiProblem(409, 'The ticket holds the most notes it may')
  addNote(@Ctx() ctx: RequestContext, @Param('ticketId', ObjectIdPipe) ticketId: string, @Body() body: NoteDto): Promise<TicketDto> {
    return this.tickets.addNote(ctx, ticketId, body.body);
  }
}
