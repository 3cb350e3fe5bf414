import { HttpStatus, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay, type EffectRequest } from '../../core/events/index.js';
import { IllegalTransitionProblem, ProblemException } from '../../core/http/problem.js';
import type { ReplyDto } from './dto/ticket-input.dto.js';
import type { TicketDto } from './dto/ticket.dto.js';
import type { SupportTicket } from './schemas/support-ticket.schema.js';
import { originOf } from '../../core/lifecycle/index.js';
import { SupportPeople } from './support-people.js';
import type { TicketRepliedEvent } from './support.events.js';
import { TicketAccess } from './ticket-access.js';
import { toTicketDto } from './ticket.mapper.js';
import { TicketsRepository } from './tickets.repository.js';
import { recipientOf, TicketsService } from './tickets.service.js';
import { clip } from '../../core/text-length.js';

const EXCERPT_CHARS = 280;

/**
 * A message on a ticket, and what it sets in motion: the other side is told (an owed effect in the
 * same write), a staff reply picks up an open ticket, a requester's reply answers a ticket waiting
 * on them and reopens a resolved one inside the reopen window. Closed tickets take no messages.
 */
@Injectable()
export class TicketRepliesService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccess,
    private readonly lifecycle: TicketsService,
    private readonly people: SupportPeople,
    private readonly relay: EffectsRelay,
  ) {}

  async reply(ctx: RequestContext, id: string, input: ReplyDto): Promise<TicketDto> {
    const ticket = await this.access.load(ctx, id, 'ticket.reply');
    if (ticket.status === 'closed')
      throw new ProblemException(HttpStatus.CONFLICT, 'ticket-closed', 'Ticket closed', 'A closed ticket takes no more messages.');
    const actor = actorOf(ctx);
    const fromRequester = ticket.requesterId?.toString() === actor.id;
    const replied = fromRequester ? await this.fromRequester(ctx, ticket, input) : await this.fromDesk(ctx, ticket, input);
    return toTicketDto(replied, { staff: this.access.seesInternals(ctx) });
  }

  private async fromRequester(ctx: RequestContext, ticket: SupportTicket, input: ReplyDto): Promise<SupportTicket> {
    if (ticket.status === 'resolved') await this.lifecycle.reopen(ctx, ticket._id.toString(), 'the requester replied');
    const authorName = ticket.requesterName ?? ticket.requesterEmail;
    const replied = await this.tickets.pushMessage(
      ticket,
      {
        authorId: new Types.ObjectId(actorOf(ctx).id),
        authorRole: 'customer',
        authorName,
        body: input.body,
        attachments: input.attachments ?? [],
      },
      (messageId) =>
        ticket.assigneeId
          ? this.owe(ticket, { recipientId: ticket.assigneeId.toString() }, messageId, 'customer', authorName, input.body)
          : [],
    );
    return replied.status === 'waiting_on_customer' ? this.pickUp(ctx, replied, 'the requester replied') : replied;
  }

  private async fromDesk(ctx: RequestContext, ticket: SupportTicket, input: ReplyDto): Promise<SupportTicket> {
    const actor = actorOf(ctx);
    const authorName = await this.people.staffName(actor.id);
    const replied = await this.tickets.pushMessage(
      ticket,
      { authorId: new Types.ObjectId(actor.id), authorRole: 'staff', authorName, body: input.body, attachments: input.attachments ?? [] },
      (messageId) => this.owe(ticket, recipientOf(ticket), messageId, 'staff', authorName, input.body),
    );
    return replied.status === 'open' ? this.pickUp(ctx, replied, 'staff replied') : replied;
  }

  /**
   * The system's move to in_progress that a reply implies. The message is already stored, so a
   * concurrent staff move that wins (resolved meanwhile) leaves the ticket where staff put it.
   */
  private async pickUp(ctx: RequestContext, ticket: SupportTicket, reason: string): Promise<SupportTicket> {
    try {
      const origin = { ...originOf(ctx, 'system', reason), source: 'reply' };
      return (await this.tickets.move({ id: ticket._id, to: 'in_progress', origin })).document;
    } catch (error) {
      if (!(error instanceof IllegalTransitionProblem)) throw error;
      return (await this.tickets.findById(ticket._id)) ?? ticket;
    }
  }

  private owe(
    ticket: SupportTicket,
    recipient: Pick<TicketRepliedEvent, 'recipientId' | 'recipientEmail'>,
    messageId: string,
    authorRole: TicketRepliedEvent['authorRole'],
    authorName: string,
    body: string,
  ): EffectRequest[] {
    const event: TicketRepliedEvent = {
      ticketId: ticket._id.toString(),
      ticketNumber: ticket.ticketNumber,
      subject: ticket.subject,
      ...recipient,
      messageId,
      authorRole,
      authorName,
      excerpt: clip(body, EXCERPT_CHARS),
    };
    return this.relay.owe('support.ticket-replied', event, `ticket-reply:${messageId}`);
  }
}
