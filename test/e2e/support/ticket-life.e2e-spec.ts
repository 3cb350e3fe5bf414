import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { ageResolution, ticketModel } from '../../support/factories/support.js';

describe('support tickets through HTTP', () => {
  let t: TestApp;
  let staff: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, admin] = await Promise.all([userWithRole(t, 'staff'), userWithRole(t, 'admin')]);
  });
  afterAll(() => t?.close());

  const open = async (user: TestUser, body: Record<string, unknown> = {}) => {
    const response = await t
      .http()
      .post('/api/support/tickets')
      .set(bearer(user))
      .send({ subject: 'Agent stops answering', category: 'agents', message: 'My agent stopped replying after the update.', ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const post = (user: TestUser, path: string, body: object) => t.http().post(`/api/support${path}`).set(bearer(user)).send(body);
  const get = (user: TestUser, path: string) => t.http().get(`/api/support${path}`).set(bearer(user));

  it('lives its whole life: create, staff reply, customer reply, resolve, rate once, and no reopen after the window', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer, { priority: 'high', attachments: ['https://files.atrium-cdn.com/log.txt'] });
    expect(ticket).toMatchObject({ status: 'open', priority: 'high', category: 'agents', requesterId: customer.id, messageCount: 1 });
    expect(ticket.ticketNumber).toMatch(/^TKT-\d{4}-\d{6}$/);
    expect(Date.parse(ticket.sla.firstResponseDueAt) - Date.parse(ticket.createdAt)).toBe(8 * 3_600_000);
    expect(ticket.messages[0]).toMatchObject({ authorRole: 'customer', attachments: ['https://files.atrium-cdn.com/log.txt'] });

    const staffReply = await post(staff, `/tickets/${ticket.id}/messages`, { body: 'Which agent is it?' });
    expect(staffReply.status).toBe(201);
    expect(staffReply.body).toMatchObject({ status: 'in_progress', messageCount: 2 });
    expect(staffReply.body.sla.firstRespondedAt).toBeTruthy();

    expect((await post(staff, `/tickets/${ticket.id}/transition`, { to: 'waiting_on_customer' })).body.status).toBe('waiting_on_customer');
    const customerReply = await post(customer, `/tickets/${ticket.id}/messages`, { body: 'The one called "Invoices".' });
    expect(customerReply.body).toMatchObject({ status: 'in_progress', messageCount: 3 });

    expect((await post(customer, `/tickets/${ticket.id}/satisfaction`, { rating: 5 })).status).toBe(409);
    const resolved = await post(staff, `/tickets/${ticket.id}/transition`, { to: 'resolved', resolutionSummary: 'Restarted the agent.' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionSummary: 'Restarted the agent.' });

    const rated = await post(customer, `/tickets/${ticket.id}/satisfaction`, { rating: 4, comment: 'Quick, thanks' });
    expect(rated.status).toBe(201);
    expect(rated.body.satisfaction).toMatchObject({ rating: 4, comment: 'Quick, thanks' });
    const again = await post(customer, `/tickets/${ticket.id}/satisfaction`, { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:atrium:problem:already-rated');

    await ageResolution(t.app, ticket.id, 8);
    const late = await post(customer, `/tickets/${ticket.id}/reopen`, {});
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('urn:atrium:problem:reopen-window-passed');
    expect((await post(customer, `/tickets/${ticket.id}/messages`, { body: 'It broke again' })).status).toBe(409);

    const closed = await post(staff, `/tickets/${ticket.id}/transition`, { to: 'closed' });
    expect(closed.body.status).toBe('closed');
    expect((await post(staff, `/tickets/${ticket.id}/transition`, { to: 'open' })).status).toBe(409);
    expect((await post(staff, `/tickets/${ticket.id}/messages`, { body: 'one more thing' })).status).toBe(409);
    const stored = await ticketModel(t.app).findById(ticket.id).lean();
    expect(stored!.satisfaction!.rating).toBe(4);
    expect(stored!.audit.map((entry) => entry.to)).toEqual([
      'open',
      'in_progress',
      'waiting_on_customer',
      'in_progress',
      'resolved',
      'closed',
    ]);
  });

  it('reopens a resolved ticket inside the window, by the requester only', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer);
    await post(staff, `/tickets/${ticket.id}/transition`, { to: 'resolved' });
    expect((await post(staff, `/tickets/${ticket.id}/reopen`, {})).status).toBe(403);
    const reopened = await post(customer, `/tickets/${ticket.id}/reopen`, { reason: 'still happens' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
  });

  it('never shows internal notes to the requester, in the ticket or in lists', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer);
    const noted = await post(staff, `/tickets/${ticket.id}/notes`, { body: 'Customer is on the legacy plan; do not refund.' });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({ body: 'Customer is on the legacy plan; do not refund.', authorId: staff.id }),
    ]);

    const mine = await get(customer, `/tickets/${ticket.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.notes).toBeUndefined();
    expect(mine.body.history).toBeUndefined();
    expect(JSON.stringify(mine.body)).not.toContain('legacy plan');
    const list = await get(customer, `/tickets/user/${customer.id}`);
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain('legacy plan');
    const afterReply = await post(customer, `/tickets/${ticket.id}/messages`, { body: 'Any news?' });
    expect(JSON.stringify(afterReply.body)).not.toContain('legacy plan');

    expect((await get(admin, `/tickets/${ticket.id}`)).body.notes).toHaveLength(1);
  });

  it('answers 404 for another user’s ticket (read, reply, rate, list) and changes nothing', async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const ticket = await open(owner);
    await post(staff, `/tickets/${ticket.id}/transition`, { to: 'resolved' });
    expect((await get(other, `/tickets/${ticket.id}`)).status).toBe(404);
    expect((await post(other, `/tickets/${ticket.id}/messages`, { body: 'let me in' })).status).toBe(404);
    expect((await post(other, `/tickets/${ticket.id}/satisfaction`, { rating: 1 })).status).toBe(404);
    expect((await post(other, `/tickets/${ticket.id}/reopen`, {})).status).toBe(404);
    expect((await get(other, `/tickets/user/${owner.id}`)).status).toBe(404);
    const stored = await ticketModel(t.app).findById(ticket.id).lean();
    expect(stored!.messageCount).toBe(1);
    expect(stored!.satisfaction).toBeUndefined();
  });

  it('refuses the desk’s routes to a non-staff caller with 403', async () => {
    const customer = await registerUser(t);
    const ticket = await open(customer);
    expect((await get(customer, '/queue')).status).toBe(403);
    expect((await post(customer, `/tickets/${ticket.id}/assign`, { assigneeId: customer.id })).status).toBe(403);
    expect((await post(customer, `/tickets/${ticket.id}/transition`, { to: 'resolved' })).status).toBe(403);
    expect((await post(customer, `/tickets/${ticket.id}/notes`, { body: 'sneaky' })).status).toBe(403);
    expect((await ticketModel(t.app).findById(ticket.id).lean())!.status).toBe('open');
  });

  it('gives 50 concurrent creates 50 distinct numbers', async () => {
    const customer = await registerUser(t);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        post(customer, '/tickets', { subject: `Concurrent ${index}`, category: 'other', message: 'Numbered under load.' }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    const numbers = responses.map((response) => response.body.ticketNumber as string);
    expect(new Set(numbers).size).toBe(50);
    const sequence = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(sequence.at(-1)! - sequence[0]).toBe(49);
  });

  it('assigns only to staff, and the queue filters by assignee, overdue and status, soonest due first', async () => {
    const customer = await registerUser(t);
    const urgent = await open(customer, { priority: 'urgent', subject: 'Queue urgent' });
    const low = await open(customer, { priority: 'low', subject: 'Queue low' });
    expect((await post(staff, `/tickets/${low.id}/assign`, { assigneeId: customer.id })).status).toBe(400);
    const assigned = await post(staff, `/tickets/${low.id}/assign`, { assigneeId: admin.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(admin.id);

    const mineOnly = await get(staff, `/queue?assignee=${admin.id}`);
    expect(mineOnly.body.items.map((item: { id: string }) => item.id)).toEqual([low.id]);
    const unassigned = (await get(staff, '/queue?assignee=unassigned&limit=100')).body.items.map((item: { id: string }) => item.id);
    expect(unassigned).toContain(urgent.id);
    expect(unassigned).not.toContain(low.id);
    const urgentFirst = (await get(staff, '/queue?status=open&limit=100')).body.items.map((item: { id: string }) => item.id);
    expect(urgentFirst.indexOf(urgent.id)).toBeLessThan(urgentFirst.indexOf(low.id));

    await ticketModel(t.app).updateOne({ _id: urgent.id }, { $set: { slaDueAt: new Date(Date.now() - 60_000) } });
    const overdue = await get(staff, '/queue?overdue=true');
    expect(overdue.body.items.map((item: { id: string }) => item.id)).toEqual([urgent.id]);
    expect(overdue.body.items[0].sla.overdue).toBe(true);
    expect((await get(staff, '/queue?overdue=true&status=resolved')).body.total).toBe(0);
    const lowOnly = await get(staff, `/queue?priority=low&category=agents&createdFrom=${encodeURIComponent(low.createdAt)}`);
    expect(lowOnly.body.items.map((item: { id: string }) => item.id)).toEqual([low.id]);
  });

  it('refuses a subject, message or reply of spaces alone with 400 naming the field, and stores nothing', async () => {
    const customer = await registerUser(t);
    const blankSubject = await post(customer, '/tickets', { subject: '    ', category: 'other', message: 'Something broke.' });
    expect(blankSubject.status, JSON.stringify(blankSubject.body)).toBe(400);
    expect(blankSubject.body.errors).toEqual([{ field: 'subject', message: 'subject must not be blank' }]);
    const blankMessage = await post(customer, '/tickets', { subject: 'Broken', category: 'other', message: '\n\t ' });
    expect(blankMessage.body.errors).toEqual([{ field: 'message', message: 'message must not be blank' }]);
    expect(await ticketModel(t.app).countDocuments({ requesterId: new Types.ObjectId(customer.id) })).toBe(0);
    const ticket = await open(customer);
    const blankReply = await post(customer, `/tickets/${ticket.id}/messages`, { body: '   ' });
    expect(blankReply.status, JSON.stringify(blankReply.body)).toBe(400);
    expect((await get(customer, `/tickets/${ticket.id}`)).body.messages).toHaveLength(1);
  });

  it('refuses attachments that are not public https links, and more than ten', async () => {
    const customer = await registerUser(t);
    for (const link of [
      'http://files.atrium-cdn.com/a.png',
      'javascript:alert(1)',
      'https://169.254.169.254/latest',
      'https://intranet.local/x',
    ]) {
      const response = await post(customer, '/tickets', { subject: 'Bad link', category: 'other', message: 'x', attachments: [link] });
      expect(response.status, link).toBe(400);
    }
    const many = Array.from({ length: 11 }, (_, index) => `https://files.atrium-cdn.com/${index}.png`);
    expect((await post(customer, '/tickets', { subject: 'Many', category: 'other', message: 'x', attachments: many })).status).toBe(400);
    expect(await ticketModel(t.app).countDocuments({ requesterId: customer.id })).toBe(0);
  });
});
