import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { PermissionPolicy, type Subject } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { SupportTicket } from './schemas/support-ticket.schema.js';
import type { SupportPermission } from './support.permissions.js';
import { TicketsRepository } from './tickets.repository.js';

/** The requester owns a ticket; its assignee takes part in it. */
export const subjectOfTicket = (ticket: SupportTicket): Subject => ({
  ownerId: ticket.requesterId,
  participantIds: ticket.assigneeId ? [ticket.assigneeId] : [],
});

/** Loads a ticket for a caller: someone else's ticket does not exist for them (404). */
@Injectable()
export class TicketAccess {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly policy: PermissionPolicy,
  ) {}

  async load(ctx: RequestContext, id: string, permission: SupportPermission): Promise<SupportTicket> {
    const ticket = await this.tickets.findById(id);
    this.policy.requireOn(ctx, permission, ticket ? subjectOfTicket(ticket) : {}, 'ticket');
    if (!ticket) throw new NotFoundException('No such ticket.');
    return ticket;
  }

  /** A ticket the caller may see but may not do this to (staff rating a requester's ticket): 403, not 404. */
  async loadFor(ctx: RequestContext, id: string, permission: SupportPermission): Promise<SupportTicket> {
    const ticket = await this.load(ctx, id, 'ticket.read');
    if (!this.policy.can(ctx, permission, subjectOfTicket(ticket)))
      throw new ForbiddenException(`This needs the permission ${permission} on this ticket.`);
    return ticket;
  }

  /** Whether the caller sees the desk's side of tickets: internal notes and history. */
  seesInternals(ctx: RequestContext): boolean {
    return this.policy.can(ctx, 'ticket.note');
  }
}
