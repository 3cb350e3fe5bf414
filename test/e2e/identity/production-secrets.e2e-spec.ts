import jwt from 'jsonwebtoken';
import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.factory.js';
import { EnvironmentError } from '../../../src/core/config/environment.js';
import { DEVELOPMENT_SECRETS } from '../../../src/core/config/published-secrets.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { login, registerUser } from '../../support/auth.js';
import { grantRole, sessionIdOf } from '../../support/factories/identity.js';
import { signedEvent } from '../../support/stripe-mock.js';

const OWN_JWT_SECRET = 'Jq7-own-production-secret-Xv4Lm9Bn2Ct8Rw1Yh6';
const OWN_WEBHOOK_SECRET = 'whsec_OwnProductionSigningSecret0123456789';
const OWN_VAPI_SECRET = 'own-vapi-server-secret-5Tq8Wz1Kp3';
const saved = { ...process.env };

/** The environment a production start sees: the test database, but no secrets unless the test sets them. */
function productionEnvironment(secrets: Record<string, string>): void {
  process.env.NODE_ENV = 'production';
  delete process.env.JWT_SECRET;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.VAPI_WEBHOOK_SECRET;
  Object.assign(process.env, secrets);
}

async function bootFailure(): Promise<string> {
  let caught: unknown;
  try {
    const { app } = await createApp();
    await app.close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EnvironmentError);
  return (caught as Error).message;
}

describe('a production start', () => {
  let t: TestApp | undefined;
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(() => t?.close());

  it('refuses to start without JWT_SECRET, with one line naming it', async () => {
    productionEnvironment({ STRIPE_WEBHOOK_SECRET: OWN_WEBHOOK_SECRET });
    const message = await bootFailure();
    expect(message).toMatch(/^Invalid environment: JWT_SECRET /);
    expect(message).not.toContain('\n');
  });

  it('stops the process, as `node dist/main.js` runs, with exit 1 and one line naming JWT_SECRET', async () => {
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', STRIPE_WEBHOOK_SECRET: OWN_WEBHOOK_SECRET };
    delete env.JWT_SECRET;
    // main.ts from the sources through the SWC loader, so no build is needed.
    const child = spawn(process.execPath, ['--import', './test/support/source-loader/register.mjs', 'src/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A process that started anyway is stopped, so the test fails instead of leaving it running.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(guard);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd()).toMatch(/^Invalid environment: JWT_SECRET [^\n]+$/);
  });

  it('refuses to start on the published JWT_SECRET', async () => {
    productionEnvironment({ JWT_SECRET: DEVELOPMENT_SECRETS.JWT_SECRET, STRIPE_WEBHOOK_SECRET: OWN_WEBHOOK_SECRET });
    expect(await bootFailure()).toMatch(/^Invalid environment: JWT_SECRET /);
  });

  it('refuses to start without STRIPE_WEBHOOK_SECRET, with one line naming it', async () => {
    productionEnvironment({ JWT_SECRET: OWN_JWT_SECRET });
    const message = await bootFailure();
    expect(message).toMatch(/^Invalid environment: STRIPE_WEBHOOK_SECRET /);
    expect(message).not.toContain('\n');
  });

  it('refuses to start without VAPI_WEBHOOK_SECRET, or on the published one', async () => {
    productionEnvironment({ JWT_SECRET: OWN_JWT_SECRET, STRIPE_WEBHOOK_SECRET: OWN_WEBHOOK_SECRET });
    expect(await bootFailure()).toMatch(/^Invalid environment: VAPI_WEBHOOK_SECRET must be set/);
    productionEnvironment({
      JWT_SECRET: OWN_JWT_SECRET,
      STRIPE_WEBHOOK_SECRET: OWN_WEBHOOK_SECRET,
      VAPI_WEBHOOK_SECRET: DEVELOPMENT_SECRETS.VAPI_WEBHOOK_SECRET,
    });
    expect(await bootFailure()).toMatch(/^Invalid environment: VAPI_WEBHOOK_SECRET is a published example value/);
  });

  it('starts with secrets of its own and refuses tokens and webhooks signed with the published ones', async () => {
    productionEnvironment({ JWT_SECRET: OWN_JWT_SECRET, STRIPE_WEBHOOK_SECRET: OWN_WEBHOOK_SECRET, VAPI_WEBHOOK_SECRET: OWN_VAPI_SECRET });
    t = await startTestApp();
    const user = await registerUser(t);
    await grantRole(t.app, user.id, 'admin');
    // A live session of the admin's: the forged token fails on its signature alone.
    await login(t, user.email, user.password);
    const sessionId = await sessionIdOf(t.app, user.id);
    const forged = jwt.sign({ sub: user.id, role: 'admin', sid: sessionId, typ: 'access' }, DEVELOPMENT_SECRETS.JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: 600,
    });
    expect((await t.http().get('/api/users').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    // The application's own tokens work.
    expect(
      (
        await t
          .http()
          .get('/api/users')
          .set('Authorization', `Bearer ${(await login(t, user.email, user.password)).accessToken}`)
      ).status,
    ).toBe(200);

    const event = signedEvent(DEVELOPMENT_SECRETS.STRIPE_WEBHOOK_SECRET, 'payment_intent.succeeded', { id: 'pi_forged' });
    const webhook = await t
      .http()
      .post('/api/billing/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', event.signature)
      .send(event.payload);
    expect(webhook.status).toBe(400);
    expect(await t.connection.collection('webhookevents').countDocuments()).toBe(0);

    const vapi = await t
      .http()
      .post('/api/voice/webhooks/vapi')
      .set('x-vapi-secret', DEVELOPMENT_SECRETS.VAPI_WEBHOOK_SECRET)
      .send({ message: { type: 'status-update', status: 'ringing', call: { id: 'call_forged' } } });
    expect(vapi.status).toBe(401);
    expect(await t.connection.collection('voice_vapi_messages').countDocuments()).toBe(0);
  });
});
