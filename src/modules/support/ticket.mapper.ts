import { idOf, iso } from '../../core/http/serialize.js';
import { staffHistoryOf } from '../../core/lifecycle/index.js';
import type { TicketDto, TicketSlaDto, TicketSummaryDto } from './dto/ticket.dto.js';
import type { SupportTicket } from './schemas/support-ticket.schema.js';
import { ACTIVE_TICKET_STATUSES } from './ticket.lifecycle.js';

/** What the desk sees beyond the requester: internal notes, the audit trail, the contact link. */
export interface TicketView {
  staff: boolean;
}

function slaOf(ticket: SupportTicket, now: Date): TicketSlaDto {
  return {
    firstResponseDueAt: iso(ticket.firstResponseDueAt)!,
    resolutionDueAt: iso(ticket.resolutionDueAt)!,
    firstRespondedAt: iso(ticket.firstRespondedAt),
    firstResponseSeconds: ticket.firstRespondedAt
      ? Math.round((ticket.firstRespondedAt.getTime() - ticket.createdAt.getTime()) / 1000)
      : undefined,
    overdue: ACTIVE_TICKET_STATUSES.includes(ticket.status) && ticket.slaDueAt.getTime() < now.getTime(),
  };
}

export function toTicketSummaryDto(ticket: SupportTicket, now = new Date()): TicketSummaryDto {
  return {
    id: ticket._id.toString(),
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    requesterId: idOf(ticket.requesterId),
    requesterEmail: ticket.requesterEmail,
    assigneeId: idOf(ticket.assigneeId),
    messageCount: ticket.messageCount,
    lastMessageAt: iso(ticket.lastMessageAt),
    sla: slaOf(ticket, now),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    satisfaction: ticket.satisfaction
      ? { rating: ticket.satisfaction.rating, comment: ticket.satisfaction.comment, ratedAt: iso(ticket.satisfaction.ratedAt)! }
      : undefined,
    createdAt: iso(ticket.createdAt)!,
    updatedAt: iso(ticket.updatedAt)!,
  };
}

/** The whole ticket; notes, history and the contact link only in the staff view, so a requester can never receive them. */
export function toTicketDto(ticket: SupportTicket, view: TicketView): TicketDto {
  const dto: TicketDto = {
    ...toTicketSummaryDto(ticket),
    messages: (ticket.messages ?? []).map((message) => ({
      id: message._id.toString(),
      authorId: idOf(message.authorId),
      authorRole: message.authorRole,
      authorName: message.authorName,
      body: message.body,
      attachments: message.attachments ?? [],
      createdAt: iso(message.createdAt)!,
    })),
    resolutionSummary: ticket.resolutionSummary,
  };
  if (!view.staff) return dto;
  return {
    ...dto,
    contactMessageId: idOf(ticket.contactMessageId),
    notes: (ticket.notes ?? []).map((note) => ({
      id: note._id.toString(),
      authorId: note.authorId.toString(),
      body: note.body,
      createdAt: iso(note.createdAt)!,
    })),
    history: staffHistoryOf(ticket.audit),
  };
}
