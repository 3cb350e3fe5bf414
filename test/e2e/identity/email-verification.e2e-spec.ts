import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { EmailVerificationTokens } from '../../../src/modules/identity/email-verification-tokens.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import {
  ageVerificationResends,
  deactivated,
  leaveOwed,
  mailedVerificationToken,
  replayUserEffects,
  userModel,
  verifiedUser,
} from '../../support/factories/identity.js';
import { emailModel } from '../../support/factories/mail.js';

const PUBLIC_BASE_URL = 'https://app.atrium.test';
const HOUR_MS = 3_600_000;

describe('email verification', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.PUBLIC_BASE_URL = PUBLIC_BASE_URL;
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const verify = (token: string) => t.http().post('/api/auth/verify-email').send({ token });
  const resend = (user: TestUser) => t.http().post('/api/auth/verify-email/resend').set(bearer(user));
  const me = async (user: TestUser) => (await t.http().get('/api/users/me').set(bearer(user)).expect(200)).body;
  const verificationMails = (email: string) => emailModel(t.app).countDocuments({ to: email, template: 'verify-email' });
  const tokens = () => t.app.get(EmailVerificationTokens);

  it('registration mails a link; following it verifies the address, and the profile says so', async () => {
    const user = await registerUser(t, { displayName: 'Grace' });
    expect(await me(user)).toMatchObject({ emailVerified: false });
    expect((await me(user)).emailVerifiedAt).toBeUndefined();
    const [mail] = await emailModel(t.app).find({ to: user.email, template: 'verify-email' }).lean();
    expect(mail.subject).toBe('Confirm your email address for Atrium');
    expect(mail.text).toContain('Hello Grace');
    expect(mail.text).toContain('48 hours');
    expect(mail.text).toMatch(new RegExp(`${PUBLIC_BASE_URL}/verify-email\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+`));
    const token = await mailedVerificationToken(t.app, user.email);
    // Nothing stored holds the token: it lives in the email alone.
    expect(JSON.stringify(await userModel(t.app).findById(user.id).lean())).not.toContain(token);

    const verified = await verify(token);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toEqual({ verified: true, email: user.email, emailVerifiedAt: expect.any(String) });
    const profile = await me(user);
    expect(profile).toMatchObject({ emailVerified: true, emailVerifiedAt: verified.body.emailVerifiedAt });
    const activity = await t.http().get('/api/users/me/activity').set(bearer(user));
    expect(activity.body.items.map((item: { type: string }) => item.type)).toContain('email-verified');

    // Others see the public profile only, which says nothing about the address.
    const other = await registerUser(t);
    const seen = await t.http().get(`/api/users/${user.id}`).set(bearer(other)).expect(200);
    expect(seen.body.emailVerified).toBeUndefined();
    expect(seen.body.emailVerifiedAt).toBeUndefined();
  });

  it('a link followed twice answers the same, with the first verification time', async () => {
    const user = await registerUser(t);
    const token = await mailedVerificationToken(t.app, user.email);
    const first = await verify(token);
    expect(first.status).toBe(200);
    const second = await verify(token);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('refuses an expired link with 400, and the address stays unverified', async () => {
    const user = await registerUser(t);
    const expired = tokens().issue(user.id, user.email, new Date(Date.now() - 49 * HOUR_MS));
    const refused = await verify(expired);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: 'urn:atrium:problem:invalid-verification-token', reason: 'expired' });
    expect(await me(user)).toMatchObject({ emailVerified: false });
    // Just inside its lifetime it still works.
    expect((await verify(tokens().issue(user.id, user.email, new Date(Date.now() - 47 * HOUR_MS)))).status).toBe(200);
  });

  it('refuses an access token, a link for another address, a deactivated account and garbage with 400, never 500', async () => {
    const user = await registerUser(t);
    for (const token of [user.accessToken, tokens().issue(user.id, `someone.else.${user.email}`), `${user.accessToken}x`]) {
      const refused = await verify(token);
      expect(refused.status, token).toBe(400);
      expect(refused.body.type).toBe('urn:atrium:problem:invalid-verification-token');
    }
    for (const body of [{ token: 'not a token' }, { token: 'x'.repeat(5000) }, { token: 42 }, {}]) {
      const refused = await t.http().post('/api/auth/verify-email').send(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.type).toBe('urn:atrium:problem:validation-failed');
    }
    expect(await me(user)).toMatchObject({ emailVerified: false });

    const suspended = await registerUser(t);
    const token = await mailedVerificationToken(t.app, suspended.email);
    await deactivated(t.app, suspended.id);
    expect((await verify(token)).status).toBe(400);
  });

  it('resends a new link on request, then refuses past the hourly limit with 429 and Retry-After', async () => {
    const user = await registerUser(t);
    const first = await mailedVerificationToken(t.app, user.email);
    for (let sent = 1; sent <= 5; sent++) {
      const response = await resend(user);
      expect(response.status, JSON.stringify(response.body)).toBe(202);
      expect(response.body).toEqual({ email: user.email, resendsLeft: 5 - sent });
    }
    expect(await verificationMails(user.email)).toBe(6);
    const limited = await resend(user);
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('urn:atrium:problem:verification-resend-limit');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await verificationMails(user.email)).toBe(6);

    // An hour later the window is over and one may ask again.
    await ageVerificationResends(t.app, user.id, HOUR_MS);
    expect((await resend(user)).status).toBe(202);
    // Every link mailed works, the first as well as the newest.
    expect((await verify(first)).status).toBe(200);
    expect((await verify(await mailedVerificationToken(t.app, user.email))).status).toBe(200);
  });

  it('counts resends in the database: ten at once send exactly five', async () => {
    const user = await registerUser(t);
    const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await resend(user)).status));
    expect(statuses.filter((status) => status === 202)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(await verificationMails(user.email)).toBe(6);
    expect(await userModel(t.app).findById(user.id, { verificationResends: 1 }).lean()).toMatchObject({ verificationResends: 5 });
  });

  it('refuses a resend once the address is verified with 409', async () => {
    const user = await verifiedUser(t);
    const refused = await resend(user);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:atrium:problem:already-verified');
    expect(await verificationMails(user.email)).toBe(1);
  });

  it('sends the welcome and the verification once each when their effects are delivered twice', async () => {
    const user = await registerUser(t);
    const welcomes = () => emailModel(t.app).countDocuments({ to: user.email, template: 'welcome' });
    expect([await welcomes(), await verificationMails(user.email)]).toEqual([1, 1]);
    const stored = await userModel(t.app).findById(user.id, { effects: 1 }).lean();
    expect(stored?.effects?.map((effect) => [effect.name, effect.state])).toEqual([
      ['user.registered>notifications', 'done'],
      ['identity.verification-mail', 'done'],
    ]);
    await replayUserEffects(t.app, user.id);
    expect(await t.app.get(EffectsRelay).sweep()).toBeGreaterThanOrEqual(2);
    expect([await welcomes(), await verificationMails(user.email)]).toEqual([1, 1]);
  });

  it('mails no link once the address is verified, nor to an address the account no longer has', async () => {
    const user = await verifiedUser(t);
    const late = { key: `verify-email:${user.id}:late`, name: 'identity.verification-mail' };
    const stale = { key: `verify-email:${user.id}:stale`, name: 'identity.verification-mail' };
    // As a crash leaves them: owed before the verification, run after it.
    await leaveOwed(t.app, user.id, { ...late, payload: { userId: user.id, email: user.email } });
    await leaveOwed(t.app, user.id, { ...stale, payload: { userId: user.id, email: `former.${user.email}` } });
    await t.app.get(EffectsRelay).sweep();
    expect(await verificationMails(user.email)).toBe(1);
    expect(await verificationMails(`former.${user.email}`)).toBe(0);
    const stored = await userModel(t.app).findById(user.id, { effects: 1 }).lean();
    expect(stored?.effects?.filter((effect) => [late.key, stale.key].includes(effect.key)).map((effect) => effect.state)).toEqual([
      'done',
      'done',
    ]);
  });
});
