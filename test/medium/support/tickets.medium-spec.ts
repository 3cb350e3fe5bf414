import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketsService } from '../../../src/modules/support/tickets.service.js';
import { TicketRepliesService } from '../../../src/modules/support/ticket-replies.service.js';
import { account, ageResolution, contextOf, openTicket, resolvedTicket, ticketModel } from '../../support/factories/support.js';
import { startMediumApp } from '../../support/medium-app.js';

type Account = Awaited<ReturnType<typeof account>>;

describe('tickets against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let customer: Account;
  let staff: Account;
  let tickets: TicketsService;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    [customer, staff] = await Promise.all([account(app), account(app, 'staff')]);
    tickets = app.get(TicketsService);
  });
  afterAll(() => close?.());

  it('numbers 50 concurrent tickets with 50 distinct, consecutive numbers of this year', async () => {
    const created = await Promise.all(Array.from({ length: 50 }, () => openTicket(app, customer)));
    const numbers = created.map((ticket) => ticket.ticketNumber);
    const year = new Date().getUTCFullYear();
    expect(new Set(numbers).size).toBe(50);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^TKT-${year}-\\d{6}$`));
    const sequence = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(sequence.at(-1)! - sequence[0]).toBe(49);
    expect(await ticketModel(app).countDocuments({ requesterId: customer.id })).toBeGreaterThanOrEqual(50);
  });

  it('lets the requester reopen a resolved ticket inside the window, and answers 409 after it', async () => {
    const fresh = await resolvedTicket(app, customer, staff);
    const reopened = await tickets.reopen(contextOf(customer), fresh.id, 'still broken');
    expect(reopened.status).toBe('open');
    expect(reopened.resolvedAt).toBeUndefined();

    const old = await resolvedTicket(app, customer, staff);
    await ageResolution(app, old.id, 8);
    await expect(tickets.reopen(contextOf(customer), old.id)).rejects.toMatchObject({ status: 409, slug: 'reopen-window-passed' });
    await expect(app.get(TicketRepliesService).reply(contextOf(customer), old.id, { body: 'hello again?' })).rejects.toMatchObject({
      status: 409,
      slug: 'reopen-window-passed',
    });
    const stored = await ticketModel(app).findById(old.id).lean();
    expect(stored!.status).toBe('resolved');
    expect(stored!.messageCount).toBe(1);
  });

  it('takes one satisfaction rating, only once the ticket is resolved, even when ten arrive at once', async () => {
    const open = await openTicket(app, customer);
    await expect(tickets.rate(contextOf(customer), open.id, { rating: 5 })).rejects.toMatchObject({ status: 409, slug: 'not-resolved' });

    const resolved = await resolvedTicket(app, customer, staff);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        tickets.rate(contextOf(customer), resolved.id, { rating: 1 + (index % 5), comment: `try ${index}` }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused.map((outcome) => (outcome.reason as { status: number }).status)).toEqual(Array(9).fill(409));
    await expect(tickets.rate(contextOf(customer), resolved.id, { rating: 3 })).rejects.toMatchObject({ slug: 'already-rated' });
    const stored = await ticketModel(app).findById(resolved.id).lean();
    expect(stored!.satisfaction!.rating).toBeGreaterThanOrEqual(1);
  });

  it('moves a ticket waiting on the requester back to in_progress when they reply, as the system, audited', async () => {
    const ticket = await openTicket(app, customer);
    await tickets.transition(contextOf(staff), ticket.id, { to: 'waiting_on_customer', reason: 'need the invoice number' });
    const replied = await app.get(TicketRepliesService).reply(contextOf(customer), ticket.id, { body: 'It is INV-2026-000042.' });
    expect(replied.status).toBe('in_progress');
    const stored = await ticketModel(app).findById(ticket.id).lean();
    expect(stored!.audit.map((entry) => `${entry.from}→${entry.to} ${entry.source}`)).toEqual([
      'null→open api',
      'open→waiting_on_customer staff',
      'waiting_on_customer→in_progress reply',
    ]);
  });

  it('records the first staff response once and moves the SLA clock to the resolution due time', async () => {
    const ticket = await openTicket(app, customer, { priority: 'urgent' });
    const replies = app.get(TicketRepliesService);
    const first = await replies.reply(contextOf(staff), ticket.id, { body: 'Looking into it.' });
    await replies.reply(contextOf(staff), ticket.id, { body: 'Found it.' });
    const stored = await ticketModel(app).findById(ticket.id).lean();
    expect(stored!.firstRespondedAt!.toISOString()).toBe(first.sla.firstRespondedAt);
    expect(stored!.slaDueAt).toEqual(stored!.resolutionDueAt);
    expect(first.status).toBe('in_progress');
    expect(first.sla.firstResponseSeconds).toBeGreaterThanOrEqual(0);
  });
});
