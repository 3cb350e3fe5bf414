import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import { findPage, type PageRequest } from '../../core/database/find-page.js';
import { insertLean } from '../../core/database/insert-lean.js';
import { Sequences } from '../../core/database/sequences.js';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import {
  auditEntry,
  transition,
  type TransitionOrigin,
  type TransitionRequest,
  type TransitionResult,
} from '../../core/lifecycle/index.js';
import type { SlaDueTimes } from './sla.js';
import { SupportTicket, type TicketMessage, type TicketNote, type TicketSatisfaction } from './schemas/support-ticket.schema.js';
import { ticketLifecycle, type TicketStatus } from './ticket.lifecycle.js';
import {
  formatTicketNumber,
  MAX_MESSAGES_PER_TICKET,
  MAX_NOTES_PER_TICKET,
  ticketCounterName,
  type TicketCategory,
  type TicketPriority,
} from './ticket-fields.js';

export interface NewTicket {
  requesterId?: Types.ObjectId;
  requesterEmail: string;
  requesterName?: string;
  subject: string;
  category: TicketCategory;
  priority: TicketPriority;
  firstMessage: Omit<TicketMessage, '_id' | 'createdAt'>;
  /** The creation time the SLA due times were counted from. */
  openedAt: Date;
  sla: SlaDueTimes;
  contactMessageId?: Types.ObjectId;
}

export type NewMessage = Omit<TicketMessage, '_id' | 'createdAt'>;

/**
 * The one writer of `supporttickets`: tickets, replies, notes, assignment and ratings are written
 * here, each change with the effects it owes in the same single-document update, then delivered.
 */
@Injectable()
export class TicketsRepository {
  constructor(
    @InjectModel(SupportTicket.name) readonly model: Model<SupportTicket>,
    private readonly sequences: Sequences,
    private readonly relay: EffectsRelay,
  ) {}

  /** A new open ticket numbered from the per-year counter (one atomic increment each, so never a duplicate). */
  async insert(ticket: NewTicket, origin: TransitionOrigin): Promise<SupportTicket> {
    const now = ticket.openedAt;
    const year = now.getUTCFullYear();
    const ticketNumber = formatTicketNumber(year, await this.sequences.next(ticketCounterName(year)));
    return insertLean(this.model, {
      ticketNumber,
      requesterId: ticket.requesterId,
      requesterEmail: ticket.requesterEmail,
      requesterName: ticket.requesterName,
      subject: ticket.subject,
      category: ticket.category,
      priority: ticket.priority,
      status: ticketLifecycle.table.initial,
      messages: [{ ...ticket.firstMessage, createdAt: now }],
      messageCount: 1,
      lastMessageAt: now,
      ...ticket.sla,
      slaDueAt: ticket.sla.firstResponseDueAt,
      contactMessageId: ticket.contactMessageId,
      audit: [auditEntry(null, ticketLifecycle.table.initial, origin, now)],
      createdAt: now,
    });
  }

  findById(id: string | Types.ObjectId): Promise<SupportTicket | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<SupportTicket>();
  }

  findByContactMessage(contactMessageId: Types.ObjectId): Promise<SupportTicket | null> {
    return this.model.findOne({ contactMessageId }).lean<SupportTicket>();
  }

  /**
   * Appends a message unless the ticket is closed or full. A staff message is the first response
   * when none came before ($min keeps the earliest), and moves the SLA clock to the resolution due time.
   */
  async pushMessage(ticket: SupportTicket, message: NewMessage, effects: (messageId: string) => EffectRequest[]): Promise<SupportTicket> {
    const now = new Date();
    const messageId = new Types.ObjectId();
    const staff = message.authorRole === 'staff';
    const update: UpdateQuery<SupportTicket> = {
      $push: {
        messages: { _id: messageId, ...message, createdAt: now },
        effects: { $each: owedEffects(effects(messageId.toString()), now) },
      },
      $inc: { messageCount: 1 },
      $set: { lastMessageAt: now, ...(staff ? { slaDueAt: ticket.resolutionDueAt } : {}) },
      ...(staff ? { $min: { firstRespondedAt: now } } : {}),
    };
    const filter = {
      _id: ticket._id,
      status: trusted({ $ne: 'closed' }),
      messageCount: trusted({ $lt: MAX_MESSAGES_PER_TICKET }),
    } as QueryFilter<SupportTicket>;
    const updated = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<SupportTicket>();
    if (!updated) return this.refuse(ticket._id, 'messages', MAX_MESSAGES_PER_TICKET);
    await this.relay.deliver(this.model, updated);
    return updated;
  }

  async pushNote(ticket: SupportTicket, note: Omit<TicketNote, '_id' | 'createdAt'>): Promise<SupportTicket> {
    const filter = { _id: ticket._id, noteCount: trusted({ $lt: MAX_NOTES_PER_TICKET }) } as QueryFilter<SupportTicket>;
    const updated = await this.model
      .findOneAndUpdate(
        filter,
        { $push: { notes: { _id: new Types.ObjectId(), ...note, createdAt: new Date() } }, $inc: { noteCount: 1 } },
        { returnDocument: 'after' },
      )
      .lean<SupportTicket>();
    if (!updated) return this.refuse(ticket._id, 'notes', MAX_NOTES_PER_TICKET);
    return updated;
  }

  async assign(ticket: SupportTicket, assigneeId: Types.ObjectId, effects: EffectRequest[]): Promise<SupportTicket> {
    const updated = await this.model
      .findOneAndUpdate(
        { _id: ticket._id },
        { $set: { assigneeId }, $push: { effects: { $each: owedEffects(effects) } } },
        { returnDocument: 'after' },
      )
      .lean<SupportTicket>();
    if (!updated) throw new NotFoundException('No such ticket.');
    await this.relay.deliver(this.model, updated);
    return updated;
  }

  /** Records a rating once, and only on a resolved or closed ticket; null when either does not hold. */
  rateOnce(id: Types.ObjectId, satisfaction: TicketSatisfaction): Promise<SupportTicket | null> {
    const filter = { _id: id, status: trusted({ $in: ['resolved', 'closed'] }), satisfaction: null } as QueryFilter<SupportTicket>;
    return this.model.findOneAndUpdate(filter, { $set: { satisfaction } }, { returnDocument: 'after' }).lean<SupportTicket>();
  }

  /** Moves the status through the lifecycle: compare-and-set, audited, with its owed effects, then delivered. */
  async move(request: TransitionRequest<TicketStatus>): Promise<TransitionResult<SupportTicket>> {
    const result = await transition(this.model, ticketLifecycle, request);
    if (result.moved) await this.relay.deliver(this.model, result.document);
    return result;
  }

  /** A deleted user's tickets, and those opened from their address alone. */
  async eraseRequester(requesterId: Types.ObjectId, email: string): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({
      $or: [{ requesterId }, { requesterId: null, requesterEmail: email }],
    } as QueryFilter<SupportTicket>);
    return deletedCount;
  }

  page<D>(
    filter: QueryFilter<SupportTicket>,
    request: PageRequest,
    toDto: (ticket: SupportTicket) => D,
    sort: Record<string, 1 | -1>,
  ): Promise<Page<D>> {
    return findPage(this.model, filter, request, toDto, sort);
  }

  /** Why a guarded append matched nothing: gone, closed, or full. */
  private async refuse(id: Types.ObjectId, list: 'messages' | 'notes', max: number): Promise<never> {
    const current = await this.findById(id);
    if (!current) throw new NotFoundException('No such ticket.');
    if (list === 'messages' && current.status === 'closed')
      throw new ProblemException(HttpStatus.CONFLICT, 'ticket-closed', 'Ticket closed', 'A closed ticket takes no more messages.');
    throw new ProblemException(HttpStatus.CONFLICT, 'ticket-full', 'Ticket full', `A ticket holds at most ${max} ${list}.`);
  }
}
