import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { contactMessage, contactMessageModel, ticketModel } from '../../support/factories/support.js';

describe('the contact form and its triage', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    process.env.SUPPORT_CONTACT_PER_HOUR = '3';
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(async () => {
    delete process.env.SUPPORT_CONTACT_PER_HOUR;
    await t?.close();
  });

  const form = (overrides: Record<string, unknown> = {}) => ({
    name: 'Katherine Johnson',
    email: 'katherine@example.com',
    subject: 'Partnership',
    message: 'We build flight planning tools and would like to integrate.',
    topic: 'partnership',
    ...overrides,
  });
  const triage = (id: string, body: object) => t.http().post(`/api/support/contact-messages/${id}/triage`).set(bearer(staff)).send(body);

  it('stores a public message with the sender’s address and agent, and limits one address per hour', async () => {
    const sender = { 'User-Agent': 'contact-test' };
    const first = await t.http().post('/api/contact').set(sender).send(form());
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ status: 'received' });
    expect((await t.http().post('/api/contact').send(form())).status).toBe(202);
    expect((await t.http().post('/api/contact').send(form())).status).toBe(202);
    const limited = await t
      .http()
      .post('/api/contact')
      .send(form({ subject: 'fourth' }));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeTruthy();
    expect(await contactMessageModel(t.app).countDocuments({ subject: 'fourth' })).toBe(0);

    const list = await t.http().get('/api/support/contact-messages?status=new').set(bearer(staff));
    expect(list.body.total).toBe(3);
    expect(list.body.items[0]).toMatchObject({
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
      topic: 'partnership',
      status: 'new',
    });
    expect(list.body.items.some((item: { userAgent?: string }) => item.userAgent === 'contact-test')).toBe(true);
    expect(
      (
        await t
          .http()
          .post('/api/contact')
          .send(form({ email: 'not-an-email' }))
      ).status,
    ).toBe(400);
  });

  it('converts a message from a member into a ticket on their account, linked both ways', async () => {
    const member = await registerUser(t);
    const id = await contactMessage(t.app, { email: member.email.toUpperCase(), subject: 'Export my data' });
    const converted = await triage(id, { action: 'convert', category: 'account', priority: 'high' });
    expect(converted.status).toBe(200);
    expect(converted.body).toMatchObject({ status: 'converted', triagedBy: staff.id });
    const ticketId = converted.body.ticketId;

    const ticket = await t.http().get(`/api/support/tickets/${ticketId}`).set(bearer(member));
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({ subject: 'Export my data', category: 'account', priority: 'high', requesterId: member.id });
    expect((await t.http().get(`/api/support/tickets/${ticketId}`).set(bearer(staff))).body.contactMessageId).toBe(id);
    expect((await triage(id, { action: 'spam' })).status).toBe(409);
  });

  it('converts a message from a non-member into a ticket on the address alone, whose replies are emailed there', async () => {
    const address = `visitor.${Date.now()}@example.com`;
    const id = await contactMessage(t.app, { email: address, subject: 'Do you have an API?' });
    const ticketId = (await triage(id, { action: 'convert' })).body.ticketId;
    const stored = await ticketModel(t.app).findById(ticketId).lean();
    expect(stored).toMatchObject({ requesterEmail: address, category: 'other', priority: 'normal' });
    expect(stored!.requesterId).toBeUndefined();

    await t.http().post(`/api/support/tickets/${ticketId}/messages`).set(bearer(staff)).send({ body: 'Yes: see our API docs.' });
    await t.app.get(EffectsRelay).sweep();
    const emails = await t.connection.collection('emailqueue').find({ to: address }).toArray();
    expect(emails).toHaveLength(1);
    expect(emails[0].text).toContain('Yes: see our API docs.');
  });

  it('opens one ticket when two staff convert the same message at once', async () => {
    const id = await contactMessage(t.app, { subject: 'Twice' });
    const answers = await Promise.all([triage(id, { action: 'convert' }), triage(id, { action: 'convert' })]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(new Set(answers.map((answer) => answer.body.ticketId)).size).toBe(1);
    expect(await ticketModel(t.app).countDocuments({ contactMessageId: id })).toBe(1);
  });

  it('marks triaged, then spam; a decided message takes no other decision', async () => {
    const id = await contactMessage(t.app, { subject: 'Cheap watches' });
    expect((await triage(id, { action: 'triage' })).body.status).toBe('triaged');
    expect((await triage(id, { action: 'spam', reason: 'advertising' })).body.status).toBe('spam');
    expect((await triage(id, { action: 'convert' })).status).toBe(409);
    expect(await ticketModel(t.app).countDocuments({ contactMessageId: id })).toBe(0);
  });
});
