import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { consultationModel, contactMessage, contactMessageModel, ticketModel } from '../../support/factories/support.js';

describe('a deleted account’s support data', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  it('is erased: tickets, consultations and contact messages; other people’s stay', async () => {
    const leaving = await registerUser(t);
    const staying = await registerUser(t);
    for (const user of [leaving, staying]) {
      await t
        .http()
        .post('/api/support/tickets')
        .set(bearer(user))
        .send({ subject: 'Mine', category: 'account', message: 'Personal details inside.' });
      await t
        .http()
        .post('/api/support/consultations')
        .set(bearer(user))
        .send({
          type: 'training',
          company: { name: 'Personal Co' },
          project: { summary: 'x' },
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
          timezone: 'UTC',
        });
      await contactMessage(t.app, { email: user.email });
    }
    const fromAddress = await contactMessage(t.app, { email: leaving.email, subject: 'Before I had an account' });
    await t.http().post(`/api/support/contact-messages/${fromAddress}/triage`).set(bearer(staff)).send({ action: 'convert' });

    const deleted = await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password });
    expect(deleted.status).toBe(204);
    await t.app.get(EffectsRelay).sweep();

    expect(await ticketModel(t.app).countDocuments({ requesterEmail: leaving.email })).toBe(0);
    expect(await ticketModel(t.app).countDocuments({ requesterId: leaving.id })).toBe(0);
    expect(await consultationModel(t.app).countDocuments({ requesterId: leaving.id })).toBe(0);
    expect(await contactMessageModel(t.app).countDocuments({ email: leaving.email })).toBe(0);
    expect(await ticketModel(t.app).countDocuments({ requesterId: staying.id })).toBe(1);
    expect(await consultationModel(t.app).countDocuments({ requesterId: staying.id })).toBe(1);
    expect(await contactMessageModel(t.app).countDocuments({ email: staying.email })).toBe(1);
  });
});
