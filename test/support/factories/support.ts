import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role } from '../../../src/core/auth/roles.js';
import { ConsultationsService } from '../../../src/modules/support/consultations.service.js';
import type { RequestConsultationDto } from '../../../src/modules/support/dto/consultation-input.dto.js';
import type { CreateTicketDto } from '../../../src/modules/support/dto/ticket-input.dto.js';
import type { TicketDto } from '../../../src/modules/support/dto/ticket.dto.js';
import { Consultation } from '../../../src/modules/support/schemas/consultation.schema.js';
import { ContactMessage } from '../../../src/modules/support/schemas/contact-message.schema.js';
import { SupportTicket } from '../../../src/modules/support/schemas/support-ticket.schema.js';
import { TicketsService } from '../../../src/modules/support/tickets.service.js';
import { account, contextOf } from './identity.js';

const DAY_MS = 86_400_000;

// Accounts and caller contexts come from identity's factory.
export { account, contextOf };

export const ticketModel = (app: INestApplicationContext) => app.get<Model<SupportTicket>>(getModelToken(SupportTicket.name));
export const consultationModel = (app: INestApplicationContext) => app.get<Model<Consultation>>(getModelToken(Consultation.name));
export const contactMessageModel = (app: INestApplicationContext) => app.get<Model<ContactMessage>>(getModelToken(ContactMessage.name));

let sequence = 0;

export const ticketInput = (overrides: Partial<CreateTicketDto> = {}): CreateTicketDto => ({
  subject: `Cannot sign in to the dashboard #${++sequence}`,
  category: 'account',
  priority: 'normal',
  message: 'Since this morning the dashboard answers "session expired" right after I sign in.',
  ...overrides,
});

/** A ticket opened by `requester` through the service, as the API would. */
export function openTicket(
  app: INestApplicationContext,
  requester: { id: string; role?: Role },
  overrides: Partial<CreateTicketDto> = {},
): Promise<TicketDto> {
  return app.get(TicketsService).create(contextOf(requester), ticketInput(overrides));
}

/** A ticket staff have resolved. */
export async function resolvedTicket(
  app: INestApplicationContext,
  requester: { id: string },
  staff: { id: string; role: Role },
): Promise<TicketDto> {
  const ticket = await openTicket(app, requester);
  return app
    .get(TicketsService)
    .transition(contextOf(staff), ticket.id, { to: 'resolved', resolutionSummary: 'Cleared the stale session.' });
}

/** Moves a ticket's resolution `days` into the past, as if that much time had gone by since. */
export async function ageResolution(app: INestApplicationContext, ticketId: string, days: number): Promise<void> {
  const ticket = await ticketModel(app).findById(ticketId).lean<SupportTicket>();
  await ticketModel(app).updateOne({ _id: ticketId }, { $set: { resolvedAt: new Date(ticket!.resolvedAt!.getTime() - days * DAY_MS) } });
}

/** Puts a ticket's owed effects back to pending, as after a crash between running them and marking them done. */
export async function replayEffects(app: INestApplicationContext, ticketId: string): Promise<void> {
  await ticketModel(app).updateOne(
    { _id: ticketId },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}

export const consultationInput = (overrides: Partial<RequestConsultationDto> = {}): RequestConsultationDto => ({
  type: 'enterprise-demo',
  company: { name: 'Northwind Traders', size: '51-200', website: 'https://northwind.atrium-demo.com' },
  project: {
    summary: 'Agents that answer supplier questions from our catalogue.',
    goals: ['fewer emails'],
    budgetRange: '10k-50k',
    timeline: '1-3-months',
  },
  scheduledAt: new Date(Date.now() + 3 * DAY_MS),
  timezone: 'Europe/Berlin',
  ...overrides,
});

export function requestConsultation(
  app: INestApplicationContext,
  requester: { id: string; role?: Role },
  overrides: Partial<RequestConsultationDto> = {},
) {
  return app.get(ConsultationsService).request(contextOf(requester), consultationInput(overrides));
}

/** A message as the public contact form stores it. */
export async function contactMessage(
  app: INestApplicationContext,
  overrides: Partial<Pick<ContactMessage, 'email' | 'name' | 'subject' | 'message'>> = {},
): Promise<string> {
  const created = await contactMessageModel(app).create({
    name: 'Grace Hopper',
    email: `grace.${new Types.ObjectId().toString()}@example.com`,
    subject: 'Volume pricing for 300 seats',
    message: 'We would like to roll Atrium out to 300 people. What would that cost?',
    topic: 'sales',
    ip: '198.51.100.20',
    ...overrides,
  });
  return created._id.toString();
}
