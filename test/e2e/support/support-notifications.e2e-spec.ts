import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { replayEffects, ticketModel } from '../../support/factories/support.js';

describe('what the support desk tells people', () => {
  let t: TestApp;
  let staff: TestUser;
  let relay: EffectsRelay;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    relay = t.app.get(EffectsRelay);
  });
  afterAll(() => t?.close());

  const emails = (to: string, template: string) => t.connection.collection('emailqueue').find({ to, template }).toArray();
  const notifications = (userId: string, type: string) =>
    t.connection
      .collection('notifications')
      .find({ userId: new Types.ObjectId(userId), type })
      .toArray();
  const open = async (customer: TestUser) =>
    (
      await t
        .http()
        .post('/api/support/tickets')
        .set(bearer(customer))
        .send({ subject: 'Refund for a double charge', category: 'billing', message: 'I was charged twice on March 3.' })
    ).body;

  it('queues one email and one notification for a staff reply, even when the effect is delivered again', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer);
    const reply = await t
      .http()
      .post(`/api/support/tickets/${ticket.id}/messages`)
      .set(bearer(staff))
      .send({ body: 'Refunded the second charge.' });
    expect(reply.status).toBe(201);

    const queued = await emails(customer.email, 'ticket-reply');
    expect(queued).toHaveLength(1);
    expect(queued[0].subject).toBe(`New reply on ticket ${ticket.ticketNumber}`);
    expect(queued[0].text).toContain('Refunded the second charge.');
    expect(await notifications(customer.id, 'ticket-reply')).toHaveLength(1);

    // As after a crash between running the effect and marking it done: the relay runs it again.
    await replayEffects(t.app, ticket.id);
    await relay.sweep();
    await relay.sweep();
    expect(await emails(customer.email, 'ticket-reply')).toHaveLength(1);
    expect(await notifications(customer.id, 'ticket-reply')).toHaveLength(1);
    const stored = await ticketModel(t.app).findById(ticket.id).lean();
    expect(stored!.effects!.filter((effect) => effect.name === 'support.ticket-replied>notifications')).toEqual([
      expect.objectContaining({ state: 'done' }),
    ]);
  });

  it('tells the assignee about a customer reply, and the customer about nothing they did themselves', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer);
    await t.http().post(`/api/support/tickets/${ticket.id}/assign`).set(bearer(staff)).send({ assigneeId: staff.id });
    await t.http().post(`/api/support/tickets/${ticket.id}/messages`).set(bearer(customer)).send({ body: 'Any update?' });
    expect(await emails(staff.email, 'ticket-reply')).toHaveLength(1);
    expect(await notifications(customer.id, 'ticket-reply')).toHaveLength(0);
    expect(await emails(customer.email, 'ticket-reply')).toHaveLength(0);
  });

  it('tells the customer when staff change the status, with the resolution', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer);
    await t
      .http()
      .post(`/api/support/tickets/${ticket.id}/transition`)
      .set(bearer(staff))
      .send({ to: 'resolved', resolutionSummary: 'The duplicate charge was refunded.' });
    const [email] = await emails(customer.email, 'ticket-status-changed');
    expect(email.subject).toBe(`Ticket ${ticket.ticketNumber} is resolved`);
    expect(email.text).toContain('The duplicate charge was refunded.');
    const [notice] = await notifications(customer.id, 'support');
    expect(notice.title).toBe(`Ticket ${ticket.ticketNumber} is resolved`);
  });

  it('tells the requester when a consultation is confirmed, in their time zone, with the meeting link', async () => {
    const customer = await registerUser(t);
    const scheduledAt = new Date(Date.now() + 4 * 86_400_000).toISOString();
    const id = (
      await t
        .http()
        .post('/api/support/consultations')
        .set(bearer(customer))
        .send({ type: 'strategy', company: { name: 'Initech' }, project: { summary: 'AI roadmap' }, scheduledAt, timezone: 'Asia/Tokyo' })
    ).body.id;
    await t
      .http()
      .post(`/api/support/consultations/${id}/transition`)
      .set(bearer(staff))
      .send({ action: 'confirm', meeting: { url: 'https://zoom.us/j/123456', provider: 'zoom' } });
    const [email] = await emails(customer.email, 'consultation-update');
    expect(email.subject).toBe('Consultation confirmed');
    expect(email.text).toContain('Your consultation is confirmed');
    expect(email.text).toContain('https://zoom.us/j/123456');
    expect(email.text).toContain('(Asia/Tokyo)');
    await relay.sweep();
    expect(await emails(customer.email, 'consultation-update')).toHaveLength(1);
  });
});
