import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { entriesAbout } from '../../support/factories/audit.js';
import { pendingPayment, refundRequest, succeededPayment } from '../../support/factories/billing.js';
import { sessionIdOf } from '../../support/factories/identity.js';
import { deadEmail } from '../../support/factories/mail.js';
import { openTicket, requestConsultation } from '../../support/factories/support.js';

/** Each privileged action of the existing contexts leaves exactly one entry, naming the staff member and the change. */
describe('recorded privileged actions', () => {
  let t: TestApp;
  let admin: TestUser;
  let staff: TestUser;
  let user: TestUser;

  /** The entries about a target, as the staff log answers them. */
  const about = async (targetId: string) => {
    const response = await t.http().get('/api/audit-logs').query({ targetId }).set(bearer(staff));
    expect(response.status).toBe(200);
    return response.body.items as { action: string; actor: { id?: string; role: string }; before?: object; after?: object }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    [admin, staff, user] = await Promise.all([userWithRole(t, 'admin'), userWithRole(t, 'staff'), registerUser(t)]);
  });
  afterAll(() => t?.close());

  it('an admin deactivating an account', async () => {
    const target = await registerUser(t);
    const response = await t
      .http()
      .patch(`/api/users/${target.id}/status`)
      .set(bearer(admin))
      .send({ status: 'deactivated', reason: 'Chargeback fraud' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await about(target.id)).toEqual([
      expect.objectContaining({
        action: 'user.status-changed',
        actor: { id: admin.id, role: 'admin' },
        before: { status: 'active' },
        after: { status: 'deactivated', statusReason: 'Chargeback fraud' },
      }),
    ]);
  });

  it('staff revoking another user’s session, but not a user signing out their own', async () => {
    const target = await registerUser(t);
    const sessionId = await sessionIdOf(t.app, target.id);
    expect((await t.http().delete(`/api/auth/sessions/${sessionId}`).set(bearer(staff))).status).toBeLessThan(300);
    expect(await about(sessionId)).toEqual([
      expect.objectContaining({
        action: 'session.revoked',
        actor: { id: staff.id, role: 'staff' },
        after: { userId: target.id, revokedReason: 'revoked' },
      }),
    ]);
    const own = await sessionIdOf(t.app, user.id);
    expect((await t.http().delete(`/api/auth/sessions/${own}`).set(bearer(user))).status).toBeLessThan(300);
    expect(await entriesAbout(t.app, own)).toHaveLength(0);
    user = await registerUser(t);
  });

  it('staff moving, assigning and annotating a ticket, without the note’s text', async () => {
    const ticket = await openTicket(t.app, { id: user.id });
    const desk = (path: string, body: object) => t.http().post(`/api/support/tickets/${ticket.id}/${path}`).set(bearer(staff)).send(body);
    expect((await desk('assign', { assigneeId: staff.id })).status).toBe(200);
    expect((await desk('transition', { to: 'resolved', resolutionSummary: 'Cleared the session' })).status).toBe(200);
    expect((await desk('notes', { body: 'Customer is on the legacy SSO path' })).status).toBe(201);
    const entries = await about(ticket.id);
    expect(entries.map((entry) => entry.action)).toEqual(['ticket.note-added', 'ticket.transitioned', 'ticket.assigned']);
    expect(entries[1]).toMatchObject({
      before: { status: 'open' },
      after: { status: 'resolved', resolutionSummary: 'Cleared the session' },
    });
    expect(entries[2]).toMatchObject({ before: { assigneeId: null }, after: { assigneeId: staff.id } });
    expect(JSON.stringify(entries[0])).not.toContain('legacy SSO');
  });

  it('staff approving a refund request: the approval and the refund, once each', async () => {
    const payment = await succeededPayment(t.app, { id: user.id });
    const request = await refundRequest(t.app, { id: user.id }, payment.id, 500);
    const approved = await t.http().post(`/api/refund-requests/${request.id}/approve`).set(bearer(staff)).send({ note: 'Fine' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await about(request.id)).toEqual([
      expect.objectContaining({
        action: 'refund.approved',
        actor: { id: staff.id, role: 'staff' },
        before: { status: 'requested' },
        after: expect.objectContaining({ status: 'approved', amount: 500, reviewNote: 'Fine' }),
      }),
    ]);
    expect((await about(payment.id)).map((entry) => entry.action)).toEqual(['refund.issued']);
  });

  it('staff rejecting a refund request', async () => {
    const payment = await succeededPayment(t.app, { id: user.id });
    const request = await refundRequest(t.app, { id: user.id }, payment.id);
    expect(
      (await t.http().post(`/api/refund-requests/${request.id}/reject`).set(bearer(staff)).send({ note: 'Outside policy' })).status,
    ).toBe(200);
    expect(await about(request.id)).toEqual([
      expect.objectContaining({
        action: 'refund.rejected',
        before: { status: 'requested' },
        after: expect.objectContaining({ status: 'rejected' }),
      }),
    ]);
    expect(await about(payment.id)).toEqual([]);
  });

  it('staff correcting a payment’s status', async () => {
    const payment = await pendingPayment(t.app, { id: user.id });
    const response = await t
      .http()
      .patch(`/api/billing/transactions/${payment.id}/status`)
      .set(bearer(staff))
      .send({ status: 'canceled', reason: 'Duplicate checkout' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await about(payment.id)).toEqual([
      expect.objectContaining({
        action: 'payment.transitioned',
        before: { status: 'pending' },
        after: { status: 'canceled', reason: 'Duplicate checkout' },
      }),
    ]);
  });

  it('staff sending to listed users and broadcasting to a role', async () => {
    const type = 'announcement';
    const sent = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ userIds: [user.id], type, title: 'Hi', body: 'x' });
    expect(sent.status).toBe(201);
    const broadcast = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ role: 'staff', type: 'system', title: 'Desk', body: 'y' });
    expect(broadcast.status).toBe(201);
    const announcement = await about(type);
    expect(announcement).toEqual([
      expect.objectContaining({ action: 'notification.sent', after: expect.objectContaining({ userIds: [user.id], title: 'Hi' }) }),
    ]);
    expect(await about('system')).toEqual([
      expect.objectContaining({
        action: 'notification.broadcast',
        after: expect.objectContaining({ role: 'staff', created: broadcast.body.created }),
      }),
    ]);
  });

  it('an admin sending a dead email again', async () => {
    const id = await deadEmail(t.app, 'bounced@example.com');
    expect((await t.http().post(`/api/admin/email-queue/${id}/retry`).set(bearer(admin))).status).toBe(200);
    expect(await about(id)).toEqual([
      expect.objectContaining({
        action: 'email.requeued',
        actor: { id: admin.id, role: 'admin' },
        before: { status: 'dead', attempts: 6 },
      }),
    ]);
  });

  it('staff confirming a consultation and a requester cancelling their own', async () => {
    const confirmed = await requestConsultation(t.app, { id: user.id });
    const meeting = { url: 'https://meet.atrium-demo.com/audit', provider: 'google-meet' };
    const move = await t
      .http()
      .post(`/api/support/consultations/${confirmed.id}/transition`)
      .set(bearer(staff))
      .send({ action: 'confirm', meeting });
    expect(move.status, JSON.stringify(move.body)).toBe(200);
    expect(await about(confirmed.id)).toEqual([
      expect.objectContaining({
        action: 'consultation.transitioned',
        before: { status: 'requested' },
        after: { status: 'confirmed', staffAction: 'confirm' },
      }),
    ]);
    const own = await requestConsultation(t.app, { id: user.id });
    expect((await t.http().post(`/api/support/consultations/${own.id}/cancel`).set(bearer(user)).send({})).status).toBeLessThan(300);
    expect(await about(own.id)).toEqual([]);
  });

  it('staff exporting the email sign-ups, once per export', async () => {
    const response = await t.http().get('/api/email-captures/export').query({ status: 'confirmed' }).set(bearer(staff));
    expect(response.status).toBe(200);
    expect(await about('confirmed')).toEqual([
      expect.objectContaining({
        action: 'email-capture.exported',
        actor: { id: staff.id, role: 'staff' },
        after: { status: 'confirmed', format: 'csv' },
      }),
    ]);
  });
});
