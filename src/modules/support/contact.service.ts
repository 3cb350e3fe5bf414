import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact, findPage, within } from '../../core/database/find-page.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import { idOf, iso } from '../../core/http/serialize.js';
import { auditEntry, originOf, transition } from '../../core/lifecycle/index.js';
import type { TriageAction } from './contact-fields.js';
import { contactMessageLifecycle, type ContactStatus } from './contact-message.lifecycle.js';
import type { ContactMessageDto, ContactMessageQueryDto, CreateContactMessageDto, TriageContactMessageDto } from './dto/contact.dto.js';
import { ContactMessage } from './schemas/contact-message.schema.js';
import { SupportConfig } from './support.config.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { slaDueTimes } from './sla.js';
import type { SupportTicket } from './schemas/support-ticket.schema.js';
import { SupportPeople } from './support-people.js';
import type { TicketCategory, TicketPriority } from './ticket-fields.js';
import { TicketsRepository } from './tickets.repository.js';

const HOUR_MS = 3_600_000;

const OUTCOME: Record<TriageAction, ContactStatus> = { triage: 'triaged', convert: 'converted', spam: 'spam', close: 'closed' };

/** The public contact form, and the staff triage that turns a message into a ticket, spam or nothing. */
@Injectable()
export class ContactService {
  constructor(
    @InjectModel(ContactMessage.name) private readonly messages: Model<ContactMessage>,
    private readonly policy: PermissionPolicy,
    private readonly tickets: TicketsRepository,
    private readonly people: SupportPeople,
    private readonly config: SupportConfig,
  ) {}

  /** Stores a message from anyone; one address may send SUPPORT_CONTACT_PER_HOUR an hour (429 beyond). */
  async receive(ctx: RequestContext, input: CreateContactMessageDto): Promise<void> {
    this.policy.require(ctx, 'contact.create');
    const ip = ctx.client.ip ?? 'unknown';
    const now = new Date();
    const recent = await this.messages.countDocuments({ ip, createdAt: within(new Date(now.getTime() - HOUR_MS), undefined) });
    if (recent >= this.config.SUPPORT_CONTACT_PER_HOUR) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate-limited',
        'Too many requests',
        'Too many contact messages from this address; please try again later.',
      );
    }
    await this.messages.create({
      name: input.name,
      email: input.email,
      subject: input.subject,
      message: input.message,
      topic: input.topic ?? 'general',
      userId: ctx.actor ? new Types.ObjectId(ctx.actor.id) : undefined,
      ip,
      userAgent: ctx.client.userAgent,
      audit: [auditEntry(null, contactMessageLifecycle.table.initial, originOf(ctx, 'owner'), now)],
    });
  }

  async list(ctx: RequestContext, query: ContactMessageQueryDto): Promise<Page<ContactMessageDto>> {
    this.policy.require(ctx, 'contact.triage');
    return findPage(this.messages, compact({ status: query.status }) as QueryFilter<ContactMessage>, query, toContactMessageDto);
  }

  /**
   * Staff decide. Converting opens one ticket for the sender (their account when the address has one)
   * and links both ways; a second or concurrent convert finds the same ticket.
   */
  async triage(ctx: RequestContext, id: string, input: TriageContactMessageDto): Promise<ContactMessageDto> {
    this.policy.require(ctx, 'contact.triage');
    const message = await this.messages.findById(new Types.ObjectId(id)).lean<ContactMessage>();
    if (!message) throw new NotFoundException('No such contact message.');
    const to = OUTCOME[input.action];
    const set: Record<string, unknown> = { triagedBy: new Types.ObjectId(actorOf(ctx).id), triagedAt: new Date() };
    if (input.action === 'convert') {
      if (message.status !== 'converted') contactMessageLifecycle.assertMove(message.status, 'converted', 'staff');
      const ticket = await this.openTicket(ctx, message, {
        category: input.category ?? 'other',
        priority: input.priority ?? 'normal',
      });
      set.ticketId = ticket._id;
    }
    const { document } = await transition(this.messages, contactMessageLifecycle, {
      id: message._id,
      to,
      origin: originOf(ctx, 'staff', input.reason),
      set,
    });
    return toContactMessageDto(document);
  }

  /**
   * A ticket from a contact message: on the sender's account when they were signed in or their
   * address has one, otherwise on the address alone. The unique contactMessageId makes it one ticket per message.
   */
  private async openTicket(
    ctx: RequestContext,
    message: ContactMessage,
    triage: { category: TicketCategory; priority: TicketPriority },
  ): Promise<SupportTicket> {
    const existing = await this.tickets.findByContactMessage(message._id);
    if (existing) return existing;
    const userId = message.userId?.toString() ?? (await this.people.idOfEmail(message.email));
    const person = userId ? await this.people.person(userId) : undefined;
    const requesterId = person ? new Types.ObjectId(person.id) : undefined;
    const openedAt = new Date();
    try {
      return await this.tickets.insert(
        {
          requesterId,
          requesterEmail: person?.email ?? message.email,
          requesterName: person?.displayName ?? message.name,
          subject: message.subject,
          category: triage.category,
          priority: triage.priority,
          firstMessage: { authorId: requesterId, authorRole: 'customer', authorName: message.name, body: message.message, attachments: [] },
          openedAt,
          sla: slaDueTimes(triage.priority, openedAt, this.config),
          contactMessageId: message._id,
        },
        originOf(ctx, 'staff', 'converted from a contact message'),
      );
    } catch (error) {
      const raced = isDuplicateKeyOn(error, ['contactMessageId']) ? await this.tickets.findByContactMessage(message._id) : null;
      if (raced) return raced;
      throw error;
    }
  }

  /** A deleted user's contact messages: sent while signed in, or from their address. */
  async eraseSender(ctx: RequestContext, userId: string, email: string): Promise<void> {
    this.policy.require(ctx, 'support.erase');
    await this.messages.deleteMany({
      $or: [{ userId: new Types.ObjectId(userId) }, { email: email.toLowerCase() }],
    } as QueryFilter<ContactMessage>);
  }
}

export function toContactMessageDto(message: ContactMessage): ContactMessageDto {
  return {
    id: message._id.toString(),
    name: message.name,
    email: message.email,
    subject: message.subject,
    message: message.message,
    topic: message.topic,
    status: message.status,
    userId: idOf(message.userId),
    ip: message.ip,
    userAgent: message.userAgent,
    ticketId: idOf(message.ticketId),
    triagedBy: idOf(message.triagedBy),
    triagedAt: iso(message.triagedAt),
    createdAt: iso(message.createdAt)!,
    updatedAt: iso(message.updatedAt)!,
  };
}
