import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { suggestionInput } from '../../support/factories/suggestions.js';

process.env.AUTH_ACCOUNT_CACHE_MS = '0';

/**
 * Public routes that identify their caller (`@Public({ identify: true })`, here the suggestions board):
 * no token is anonymous, a good token names the caller, and a presented token that fails any check
 * of an authenticated route is 401, never silently anonymous.
 */
describe('public routes that identify a caller', () => {
  let t: TestApp;
  let voter: TestUser;
  let suggestionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    voter = await registerUser(t);
    const created = await t.http().post('/api/suggestions').set(bearer(voter)).send(suggestionInput());
    suggestionId = created.body.id;
    expect((await t.http().post(`/api/suggestions/${suggestionId}/vote`).set(bearer(voter)).send({ direction: 'up' })).status).toBe(200);
  });
  afterAll(() => t?.close());

  const read = (headers: Record<string, string> = {}) => t.http().get(`/api/suggestions/${suggestionId}`).set(headers);

  it('reads as anonymous without a token and as the caller with one', async () => {
    const anonymous = await read();
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.myVote ?? 'none').toBe('none');
    const signedIn = await read(bearer(voter));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.myVote).toBe('up');
  });

  it('answers 401 problem+json to a malformed, a forged or a signed-out token', async () => {
    const [header, payload] = voter.accessToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    for (const authorization of ['Bearer not-a-jwt', `Bearer ${forged}`, 'Basic dXNlcjpwYXNz']) {
      const answer = await read({ authorization });
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const leaving = await registerUser(t);
    expect((await read(bearer(leaving))).status).toBe(200);
    expect((await t.http().post('/api/auth/logout').set(bearer(leaving))).status).toBeLessThan(300);
    expect((await read(bearer(leaving))).status).toBe(401);
  });

  it('links tracked events to the caller only through a valid token', async () => {
    const event = { visitorId: 'v0123456789abcdef', events: [{ name: 'signup.started', at: new Date().toISOString() }] };
    expect((await t.http().post('/api/analytics/track/event').send(event)).status).toBe(202);
    expect((await t.http().post('/api/analytics/track/event').set(bearer(voter)).send(event)).status).toBe(202);
    expect((await t.http().post('/api/analytics/track/event').set({ authorization: 'Bearer stale' }).send(event)).status).toBe(401);
  });
});
