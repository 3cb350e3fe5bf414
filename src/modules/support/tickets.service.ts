import { HttpStatus, Injectable } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { anyOf, compact, within } from '../../core/database/find-page.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import type { AssignTicketDto, CreateTicketDto, RatingDto, TransitionTicketDto } from './dto/ticket-input.dto.js';
import { UNASSIGNED, type TicketQueueQueryDto } from './dto/ticket-queue.dto.js';
import type { TicketDto, TicketSummaryDto } from './dto/ticket.dto.js';
import { slaDueTimes, withinReopenWindow } from './sla.js';
import type { SupportTicket } from './schemas/support-ticket.schema.js';
import { originOf } from '../../core/lifecycle/index.js';
import { SupportConfig } from './support.config.js';
import { SupportPeople } from './support-people.js';
import { TicketAccess } from './ticket-access.js';
import { ACTIVE_TICKET_STATUSES, ticketLifecycle, type TicketStatus } from './ticket.lifecycle.js';
import { toTicketDto, toTicketSummaryDto } from './ticket.mapper.js';
import { TicketsRepository } from './tickets.repository.js';

/** Tickets: opening, reading, the staff queue, assignment, status moves, reopening and the rating. Replies live in TicketRepliesService. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccess,
    private readonly policy: PermissionPolicy,
    private readonly people: SupportPeople,
    private readonly relay: EffectsRelay,
    private readonly config: SupportConfig,
    private readonly trail: AuditTrail,
  ) {}

  async create(ctx: RequestContext, input: CreateTicketDto): Promise<TicketDto> {
    this.policy.require(ctx, 'ticket.create');
    const actor = actorOf(ctx);
    const requester = await this.people.person(actor.id);
    if (!requester) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', 'The account no longer exists.');
    const priority = input.priority ?? 'normal';
    const openedAt = new Date();
    const ticket = await this.tickets.insert(
      {
        requesterId: new Types.ObjectId(actor.id),
        requesterEmail: requester.email,
        requesterName: requester.displayName,
        subject: input.subject,
        category: input.category,
        priority,
        firstMessage: {
          authorId: new Types.ObjectId(actor.id),
          authorRole: 'customer',
          authorName: requester.displayName,
          body: input.message,
          attachments: input.attachments ?? [],
        },
        openedAt,
        sla: slaDueTimes(priority, openedAt, this.config),
      },
      originOf(ctx, 'owner'),
    );
    return toTicketDto(ticket, { staff: this.access.seesInternals(ctx) });
  }

  async get(ctx: RequestContext, id: string): Promise<TicketDto> {
    const ticket = await this.access.load(ctx, id, 'ticket.read');
    return toTicketDto(ticket, { staff: this.access.seesInternals(ctx) });
  }

  /** A user's tickets, newest first: the user themself, or staff. */
  async listForUser(ctx: RequestContext, userId: string, query: PageQueryDto): Promise<Page<TicketSummaryDto>> {
    this.policy.requireOn(ctx, 'ticket.list', { ownerId: userId }, 'user');
    return this.tickets.page({ requesterId: new Types.ObjectId(userId) }, query, (t) => toTicketSummaryDto(t), { createdAt: -1 });
  }

  /** The staff queue, most urgent deadline first. */
  async queue(ctx: RequestContext, query: TicketQueueQueryDto): Promise<Page<TicketSummaryDto>> {
    this.policy.require(ctx, 'ticket.queue');
    const now = new Date();
    const assignee = query.assignee === UNASSIGNED ? null : query.assignee ? new Types.ObjectId(query.assignee) : undefined;
    // Overdue means still owed work: a finished status asked for with it matches nothing.
    if (query.overdue && query.status && !ACTIVE_TICKET_STATUSES.includes(query.status))
      return { items: [], total: 0, page: query.page, limit: query.limit };
    const filter = compact({
      status: query.status ?? (query.overdue ? anyOf(ACTIVE_TICKET_STATUSES) : undefined),
      priority: query.priority,
      category: query.category,
      assigneeId: assignee,
      slaDueAt: query.overdue ? within(undefined, now) : undefined,
      createdAt: within(dateOf(query.createdFrom), dateOf(query.createdTo)),
    }) as QueryFilter<SupportTicket>;
    return this.tickets.page(filter, query, (t) => toTicketSummaryDto(t, now), { slaDueAt: 1 });
  }

  async assign(ctx: RequestContext, id: string, input: AssignTicketDto): Promise<TicketDto> {
    this.policy.require(ctx, 'ticket.assign');
    const ticket = await this.access.load(ctx, id, 'ticket.read');
    const assignee = await this.people.staffMember(input.assigneeId);
    if (!assignee) throw new ValidationProblem([{ field: 'assigneeId', message: 'must be a staff or admin user' }]);
    if (ticket.assigneeId?.toString() === assignee.id) return toTicketDto(ticket, { staff: true });
    const effects =
      assignee.id === ctx.actor?.id
        ? []
        : this.relay.owe(
            'support.ticket-assigned',
            { ticketId: id, ticketNumber: ticket.ticketNumber, subject: ticket.subject, assigneeId: assignee.id },
            `ticket-assigned:${id}:${new Types.ObjectId().toString()}`,
          );
    const assigned = await this.tickets.assign(ticket, new Types.ObjectId(assignee.id), effects);
    await this.trail.record(ctx, {
      action: 'ticket.assigned',
      targetType: 'ticket',
      targetId: id,
      before: { assigneeId: ticket.assigneeId ?? null },
      after: { assigneeId: assigned.assigneeId ?? null },
    });
    return toTicketDto(assigned, { staff: true });
  }

  async addNote(ctx: RequestContext, id: string, body: string): Promise<TicketDto> {
    this.policy.require(ctx, 'ticket.note');
    const ticket = await this.access.load(ctx, id, 'ticket.read');
    const noted = await this.tickets.pushNote(ticket, { authorId: new Types.ObjectId(actorOf(ctx).id), body });
    // The note's text stays on the ticket, readable by the desk only; the log says who added which note.
    await this.trail.record(ctx, {
      action: 'ticket.note-added',
      targetType: 'ticket',
      targetId: id,
      after: { noteId: noted.notes.at(-1)?._id, noteLength: body.length },
    });
    return toTicketDto(noted, { staff: true });
  }

  /** A staff move; the requester hears about it (by an owed effect). */
  async transition(ctx: RequestContext, id: string, input: TransitionTicketDto): Promise<TicketDto> {
    this.policy.require(ctx, 'ticket.transition');
    const ticket = await this.access.load(ctx, id, 'ticket.read');
    const { document } = await this.tickets.move({
      id: ticket._id,
      to: input.to,
      origin: originOf(ctx, 'staff', input.reason),
      set: fieldsFor(input.to, input.resolutionSummary),
      effects: this.relay.owe(
        'support.ticket-status-changed',
        {
          ticketId: id,
          ticketNumber: ticket.ticketNumber,
          subject: ticket.subject,
          ...recipientOf(ticket),
          ticketStatus: input.to,
          reason: input.reason,
          resolutionSummary: input.resolutionSummary,
        },
        `ticket-status:${id}:${new Types.ObjectId().toString()}`,
      ),
    });
    if (document.status !== ticket.status)
      await this.trail.record(ctx, {
        action: 'ticket.transitioned',
        targetType: 'ticket',
        targetId: id,
        before: { status: ticket.status },
        after: { status: document.status, reason: input.reason, resolutionSummary: input.resolutionSummary },
      });
    return toTicketDto(document, { staff: true });
  }

  /** The requester reopens a resolved ticket, only inside the reopen window (after it: 409). */
  async reopen(ctx: RequestContext, id: string, reason?: string): Promise<TicketDto> {
    const ticket = await this.access.loadFor(ctx, id, 'ticket.reopen');
    ticketLifecycle.assertMove(ticket.status, 'open', 'owner');
    if (!withinReopenWindow(ticket.resolvedAt, new Date(), this.config.SUPPORT_REOPEN_WINDOW_DAYS)) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'reopen-window-passed',
        'Reopen window passed',
        `A ticket can be reopened up to ${this.config.SUPPORT_REOPEN_WINDOW_DAYS} days after it was resolved; please open a new one.`,
      );
    }
    const { document } = await this.tickets.move({
      id: ticket._id,
      to: 'open',
      origin: originOf(ctx, 'owner', reason ?? 'reopened by the requester'),
      set: { resolvedAt: null, ...restartedResolutionClock(ticket) },
    });
    return toTicketDto(document, { staff: this.access.seesInternals(ctx) });
  }

  /** One rating, by the requester, once the ticket is resolved or closed. */
  async rate(ctx: RequestContext, id: string, input: RatingDto): Promise<TicketDto> {
    const ticket = await this.access.loadFor(ctx, id, 'ticket.rate');
    const rated = await this.tickets.rateOnce(ticket._id, { rating: input.rating, comment: input.comment, ratedAt: new Date() });
    if (rated) return toTicketDto(rated, { staff: this.access.seesInternals(ctx) });
    const current = await this.access.load(ctx, id, 'ticket.read');
    if (current.satisfaction)
      throw new ProblemException(HttpStatus.CONFLICT, 'already-rated', 'Already rated', 'This ticket has already been rated.');
    throw new ProblemException(HttpStatus.CONFLICT, 'not-resolved', 'Not resolved yet', 'A ticket can be rated once it is resolved.');
  }
}

/** Who hears about a ticket: its requesting user, or only the address of a requester without an account. */
export const recipientOf = (ticket: SupportTicket) =>
  ticket.requesterId ? { recipientId: ticket.requesterId.toString() } : { recipientEmail: ticket.requesterEmail };

function fieldsFor(to: TicketStatus, resolutionSummary: string | undefined): Record<string, unknown> {
  if (to === 'resolved') return { resolvedAt: new Date(), ...(resolutionSummary ? { resolutionSummary } : {}) };
  if (to === 'closed') return { closedAt: new Date() };
  return { resolvedAt: null };
}

const dateOf = (value: string | undefined) => (value ? new Date(value) : undefined);

/** A reopened ticket gets its full resolution time again, counted from now. */
function restartedResolutionClock(ticket: SupportTicket): { resolutionDueAt: Date; slaDueAt: Date } {
  const resolutionDueAt = new Date(Date.now() + (ticket.resolutionDueAt.getTime() - ticket.createdAt.getTime()));
  return { resolutionDueAt, slaDueAt: ticket.firstRespondedAt ? resolutionDueAt : ticket.slaDueAt };
}
