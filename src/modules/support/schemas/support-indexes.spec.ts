import { describe, expect, it } from 'vitest';
import { ConsultationSchema } from './consultation.schema.js';
import { ContactMessageSchema } from './contact-message.schema.js';
import { SupportTicketSchema } from './support-ticket.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('support index declarations', () => {
  it('keeps ticket numbers unique and one ticket per contact message', () => {
    expect(SupportTicketSchema.indexes()).toContainEqual([{ ticketNumber: 1 }, expect.objectContaining({ unique: true })]);
    expect(SupportTicketSchema.indexes()).toContainEqual([
      { contactMessageId: 1 },
      expect.objectContaining({ unique: true, sparse: true }),
    ]);
  });

  it('backs every queue filter, sorted by SLA due, and the requester list', () => {
    expect(keysOf(SupportTicketSchema)).toEqual(
      expect.arrayContaining([
        { requesterId: 1, createdAt: -1, _id: -1 },
        { slaDueAt: 1, _id: 1 },
        { status: 1, slaDueAt: 1, _id: 1 },
        { priority: 1, slaDueAt: 1, _id: 1 },
        { category: 1, slaDueAt: 1, _id: 1 },
        { assigneeId: 1, slaDueAt: 1, _id: 1 },
        { createdAt: -1, _id: -1 },
        { 'effects.state': 1, 'effects.dueAt': 1 },
      ]),
    );
  });

  it('backs the consultation lists and the contact-message list and limit', () => {
    expect(keysOf(ConsultationSchema)).toEqual(
      expect.arrayContaining([
        { requesterId: 1, createdAt: -1, _id: -1 },
        { status: 1, scheduledAt: 1, _id: 1 },
        { type: 1, scheduledAt: 1, _id: 1 },
      ]),
    );
    expect(keysOf(ContactMessageSchema)).toEqual(
      expect.arrayContaining([
        { status: 1, createdAt: -1, _id: -1 },
        { createdAt: -1, _id: -1 },
        { ip: 1, createdAt: -1 },
      ]),
    );
  });
});
