import { createHmac } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { owedEffects } from '../../../src/core/events/owed-effect.js';
import type { CallCompletedEvent } from '../../../src/modules/voice-calls/index.js';
import { TenantWebhooksConfig } from '../../../src/modules/tenant-webhooks/tenant-webhooks.config.js';
import { WebhookSender } from '../../../src/modules/tenant-webhooks/webhook-sender.js';
import { WEBHOOK_TRANSPORT } from '../../../src/modules/tenant-webhooks/webhook-transport.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { createLead, leadModel } from '../../support/factories/leads.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';
import {
  createEndpoint,
  includeTenantWebhooks,
  makeDue,
  pointAtLoopback,
  sendsSettled,
  startReceiver,
  testCertificate,
  webhookDeliveryModel,
  webhookEndpointModel,
  type Receiver,
  type ReceivedWebhook,
  type TestCertificate,
} from '../../support/factories/tenant-webhooks.js';

const certificate = testCertificate();
const missing = 'missing' in certificate ? certificate.missing : undefined;

/** The receiver's own check: HMAC-SHA256 of "<t>.<raw body>" with the secret, against every v1 of the header. */
function signatureVerifies(received: ReceivedWebhook, secret: string): boolean {
  const header = String(received.headers['atrium-signature'] ?? '');
  const parts = header.split(',').map((part) => part.split('='));
  const t = parts.find(([name]) => name === 't')?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${received.rawBody}`).digest('hex');
  return parts.some(([name, value]) => name === 'v1' && value === expected);
}

describe('tenant outbound webhooks', () => {
  let t: TestApp;
  let receiver: Receiver;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let staff: TestUser;
  let tenantId: string;
  let otherTenantId: string;
  let sequence = 0;

  /** A fresh receiver URL under example.com, which the test's DNS points at the local HTTPS receiver. */
  const receiverUrl = (path = `/hook/${++sequence}`) => `https://t${sequence}-hooks.example.com:${receiver.port}${path}`;
  const base = (tenant = tenantId) => `/api/tenants/${tenant}/webhooks`;
  const skipWithoutCertificate = (context: TestContext) => {
    if (missing) context.skip(missing);
  };
  const receivedAt = (path: string) => receiver.received.filter((request) => request.path === path);
  const deliveriesOf = async (endpointId: string, caller: TestUser = owner, query = '') => {
    const response = await t.http().get(`${base()}/${endpointId}/deliveries${query}`).set(bearer(caller));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    if (missing) return;
    const cert = certificate as TestCertificate;
    process.env.TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true';
    process.env.TENANT_WEBHOOKS_EXTRA_CA_FILE = cert.certFile;
    includeTenantWebhooks();
    receiver = await startReceiver(cert);
    pointAtLoopback((hostname) => hostname.endsWith('-hooks.example.com'));
    t = await startTestApp();
    [owner, admin, member, outsider, staff] = await Promise.all([
      registerUser(t),
      registerUser(t),
      registerUser(t),
      registerUser(t),
      userWithRole(t, 'staff'),
    ]);
    tenantId = (await createTenant(t, owner)).id;
    otherTenantId = (await createTenant(t, outsider)).id;
    await addMember(t, tenantId, owner, admin, 'admin');
    await addMember(t, tenantId, owner, member);
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('registers an endpoint: the secret is shown once, later reads never show it', async (context) => {
    skipWithoutCertificate(context);
    const url = receiverUrl();
    const created = await createEndpoint(t, admin, tenantId, { url, events: ['lead.updated'], description: 'CRM sync' });
    expect(created).toMatchObject({ url, events: ['lead.updated'], description: 'CRM sync', enabled: true, consecutiveFailures: 0 });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.secretHint).toBe(created.secret.slice(-4));

    const read = await t.http().get(`${base()}/${created.id}`).set(bearer(member));
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    const list = await t.http().get(base()).set(bearer(owner));
    expect(list.body.items.find((item: { id: string }) => item.id === created.id)).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    const updated = await t.http().patch(`${base()}/${created.id}`).set(bearer(owner)).send({ description: 'CRM' });
    expect(updated.status).toBe(200);
    expect(updated.body.secret).toBeUndefined();
    // Stored so it can sign.
    const stored = await webhookEndpointModel(t.app)
      .findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(created.id) })
      .select('+secret')
      .lean();
    expect(stored?.secret).toBe(created.secret);
  });

  it.for([
    'http://hooks.example.com/atrium',
    'https://localhost/hook',
    'https://127.0.0.1/hook',
    'https://10.0.0.7/hook',
    'https://[::1]/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://metadata.google.internal/hook',
    'https://user:pass@hooks.example.com/hook',
    'not a url',
  ])('refuses to register %s with 400 naming the url', async (url, context) => {
    skipWithoutCertificate(context);
    const response = await t
      .http()
      .post(base())
      .set(bearer(owner))
      .send({ url, events: ['lead.updated'] });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'url' })]));
  });

  it.for([[], ['lead.created'], ['lead.updated', 'lead.updated'], ['ping']])('refuses the events %j with 400', async (events, context) => {
    skipWithoutCertificate(context);
    const response = await t.http().post(base()).set(bearer(owner)).send({ url: 'https://hooks.example.com/x', events });
    expect(response.status).toBe(400);
  });

  it('lets owners, admins and staff manage; members only read; other tenants see nothing', async (context) => {
    skipWithoutCertificate(context);
    const body = { url: 'https://hooks.example.com/roles', events: ['call.completed'] };
    expect((await t.http().post(base()).set(bearer(member)).send(body)).status).toBe(403);
    const created = await createEndpoint(t, staff, tenantId, body);
    expect((await t.http().post(`${base()}/${created.id}/rotate-secret`).set(bearer(member))).status).toBe(403);
    expect((await t.http().delete(`${base()}/${created.id}`).set(bearer(member))).status).toBe(403);
    expect((await t.http().get(`${base()}/${created.id}/deliveries`).set(bearer(member))).status).toBe(200);
    // Outsiders: the tenant does not exist for them; in their own tenant, our endpoint does not exist.
    expect((await t.http().get(base()).set(bearer(outsider))).status).toBe(404);
    expect((await t.http().get(`${base()}/${created.id}`).set(bearer(outsider))).status).toBe(404);
    expect((await t.http().get(`${base()}/${created.id}/deliveries`).set(bearer(outsider))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`${base(otherTenantId)}/${created.id}`)
          .set(bearer(outsider))
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`${base(otherTenantId)}/${created.id}/deliveries`)
          .set(bearer(outsider))
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`${base(otherTenantId)}/${created.id}/test`)
          .set(bearer(outsider))
      ).status,
    ).toBe(404);
    expect((await t.http().delete(`${base()}/${created.id}`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().get(`${base()}/${created.id}`).set(bearer(owner))).status).toBe(404);
  });

  it('sends a lead change as one signed POST the receiver verifies with the secret', async (context) => {
    skipWithoutCertificate(context);
    const path = `/leads/${++sequence}`;
    const endpoint = await createEndpoint(t, owner, tenantId, { url: receiverUrl(path), events: ['lead.updated'] });
    const calls = await createEndpoint(t, owner, tenantId, { url: receiverUrl(`${path}/calls-only`), events: ['call.completed'] });
    const lead = await createLead(t, member, tenantId);
    await sendsSettled(t.app);

    const [received, ...more] = receivedAt(path);
    expect(more).toHaveLength(0);
    expect(receivedAt(`${path}/calls-only`)).toHaveLength(0);
    expect(signatureVerifies(received, endpoint.secret)).toBe(true);
    expect(signatureVerifies(received, calls.secret)).toBe(false);
    expect(received.headers['atrium-signature']).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    expect(received.headers['atrium-event']).toBe('lead.updated');
    expect(received.headers['content-type']).toBe('application/json');
    const envelope = JSON.parse(received.rawBody);
    expect(envelope).toEqual({
      id: received.headers['atrium-delivery'],
      type: 'lead.updated',
      createdAt: expect.any(String),
      data: expect.objectContaining({ tenantId, leadId: lead.id, leadStatus: 'new', leadChanges: ['created'] }),
    });

    const deliveries = await deliveriesOf(endpoint.id, member);
    expect(deliveries.total).toBe(1);
    expect(deliveries.items[0]).toMatchObject({
      id: envelope.id,
      eventType: 'lead.updated',
      status: 'delivered',
      attemptCount: 1,
      payload: envelope,
    });
    expect(deliveries.items[0].attempts).toEqual([
      expect.objectContaining({ statusCode: 200, responseExcerpt: 'ok', durationMs: expect.any(Number) }),
    ]);
  });

  it('turns the same call.completed delivered twice through the relay into one delivery', async (context) => {
    skipWithoutCertificate(context);
    const path = `/calls/${++sequence}`;
    const endpoint = await createEndpoint(t, owner, tenantId, { url: receiverUrl(path), events: ['call.completed'] });
    const lead = await createLead(t, owner, tenantId);
    const relay = t.app.get(EffectsRelay);
    const model = leadModel(t.app);
    const callId = new Types.ObjectId().toString();
    const payload: CallCompletedEvent = {
      tenantId,
      callId,
      agentId: new Types.ObjectId().toString(),
      leadId: lead.id,
      direction: 'outbound',
      callStatus: 'completed',
      durationSeconds: 42,
      costMinor: 17,
      costCurrency: 'USD',
      callEndedAt: '2026-01-02T03:04:05.000Z',
    };
    const owed = relay
      .owe('call.completed', payload, `call-completed:${callId}`)
      .filter((effect) => effect.name === 'call.completed>tenant-webhooks');
    expect(owed).toHaveLength(1);
    const filter = { tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(lead.id) };
    const carrier = await model.findOneAndUpdate(filter, { $push: { effects: { $each: owedEffects(owed) } } }, { returnDocument: 'after' });
    await relay.deliver(model, carrier!.toObject());
    // As after a crash between the handler and its "done" mark: the relay runs the handler again.
    const again = await model.findOneAndUpdate(
      { ...filter, 'effects.key': owed[0].key },
      { $set: { 'effects.$.state': 'pending', 'effects.$.dueAt': new Date(0) } },
      { returnDocument: 'after' },
    );
    await relay.deliver(model, again!.toObject());
    await sendsSettled(t.app);

    expect(receivedAt(path)).toHaveLength(1);
    const [received] = receivedAt(path);
    expect(signatureVerifies(received, endpoint.secret)).toBe(true);
    expect(JSON.parse(received.rawBody)).toMatchObject({ type: 'call.completed', createdAt: '2026-01-02T03:04:05.000Z', data: payload });
    expect((await deliveriesOf(endpoint.id)).total).toBe(1);
  });

  it('retries a receiver answering 500 after the backoff, then lists both attempts; redelivers on request', async (context) => {
    skipWithoutCertificate(context);
    const path = `/flaky/${++sequence}`;
    const endpoint = await createEndpoint(t, owner, tenantId, { url: receiverUrl(path), events: ['lead.updated'] });
    receiver.answer([500]);
    const ping = await t.http().post(`${base()}/${endpoint.id}/test`).set(bearer(admin));
    expect(ping.status, JSON.stringify(ping.body)).toBe(201);
    expect(ping.body).toMatchObject({ eventType: 'ping', status: 'pending' });
    await sendsSettled(t.app);

    let [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ id: ping.body.id, status: 'pending', attemptCount: 1 });
    expect(delivery.attempts).toEqual([expect.objectContaining({ statusCode: 500, responseExcerpt: 'receiver says 500' })]);
    const wait = Date.parse(delivery.nextAttemptAt) - Date.parse(delivery.attempts[0].at);
    expect(wait).toBeGreaterThanOrEqual(59_000);
    // Not yet due: the job leaves it alone.
    const sender = t.app.get(WebhookSender);
    await sender.drain();
    expect(receivedAt(path)).toHaveLength(1);

    await makeDue(t.app, delivery.id);
    await sender.drain();
    [delivery] = (await deliveriesOf(endpoint.id, owner, '?status=delivered')).items;
    expect(delivery).toMatchObject({ id: ping.body.id, status: 'delivered', attemptCount: 2 });
    expect(delivery.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 200]);
    expect((await deliveriesOf(endpoint.id, owner, '?status=pending')).total).toBe(0);
    const [first, second] = receivedAt(path);
    expect(second.rawBody).toBe(first.rawBody);
    expect(second.headers['atrium-delivery']).toBe(ping.body.id);
    expect(signatureVerifies(second, endpoint.secret)).toBe(true);

    const redelivered = await t.http().post(`${base()}/${endpoint.id}/deliveries/${delivery.id}/redeliver`).set(bearer(owner));
    expect(redelivered.status).toBe(200);
    await sendsSettled(t.app);
    expect(receivedAt(path)).toHaveLength(3);
    expect(receivedAt(path)[2].rawBody).toBe(first.rawBody);
    expect((await deliveriesOf(endpoint.id)).items[0]).toMatchObject({ status: 'delivered', attemptCount: 3 });
    expect((await t.http().post(`${base()}/${endpoint.id}/deliveries/${delivery.id}/redeliver`).set(bearer(member))).status).toBe(403);
    expect(
      (await t.http().post(`${base()}/${endpoint.id}/deliveries/${new Types.ObjectId().toString()}/redeliver`).set(bearer(owner))).status,
    ).toBe(404);
  });

  it('sends a due attempt once when several instances race for it', async (context) => {
    skipWithoutCertificate(context);
    const path = `/raced/${++sequence}`;
    const endpoint = await createEndpoint(t, owner, tenantId, { url: receiverUrl(path), events: ['lead.updated'] });
    receiver.answer([503]);
    const ping = await t.http().post(`${base()}/${endpoint.id}/test`).set(bearer(owner));
    await sendsSettled(t.app);
    expect(receivedAt(path)).toHaveLength(1);
    await makeDue(t.app, ping.body.id);
    // A second instance: its own sender over the same collections and transport.
    const here = t.app.get(WebhookSender);
    const there = new WebhookSender(
      webhookDeliveryModel(t.app),
      webhookEndpointModel(t.app),
      t.app.get(WEBHOOK_TRANSPORT),
      t.app.get(TenantWebhooksConfig),
    );
    const which = { tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(ping.body.id) };
    await Promise.all([here.attempt(which), there.attempt(which), here.drain(), there.drain(), here.attempt(which), there.drain()]);
    expect(receivedAt(path)).toHaveLength(2);
    const [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 2 });
    expect(delivery.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([503, 200]);
  });

  it('fails a delivery for good after its last attempt, recording network errors too', async (context) => {
    skipWithoutCertificate(context);
    // Nobody listens on this port: every attempt is a connection error.
    const endpoint = await createEndpoint(t, owner, tenantId, {
      url: `https://t${++sequence}-hooks.example.com:1/down`,
      events: ['lead.updated'],
    });
    const ping = await t.http().post(`${base()}/${endpoint.id}/test`).set(bearer(owner));
    await sendsSettled(t.app);
    for (let attempt = 2; attempt <= 6; attempt++) {
      await makeDue(t.app, ping.body.id);
      await t.app.get(WebhookSender).drain();
    }
    const [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 6 });
    expect(delivery.attempts).toHaveLength(6);
    expect(delivery.attempts[0].statusCode).toBeUndefined();
    expect(delivery.attempts[0].error).toEqual(expect.any(String));
    expect((await t.http().get(`${base()}/${endpoint.id}`).set(bearer(owner))).body.consecutiveFailures).toBe(1);
  });

  it('signs with the new secret after a rotation, and with the previous one during the overlap', async (context) => {
    skipWithoutCertificate(context);
    const path = `/rotated/${++sequence}`;
    const endpoint = await createEndpoint(t, owner, tenantId, { url: receiverUrl(path), events: ['lead.updated'] });
    const rotated = await t.http().post(`${base()}/${endpoint.id}/rotate-secret`).set(bearer(owner));
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect((await t.http().get(`${base()}/${endpoint.id}`).set(bearer(owner))).body).toMatchObject({
      secretHint: rotated.body.secret.slice(-4),
    });
    await t.http().post(`${base()}/${endpoint.id}/test`).set(bearer(owner));
    await sendsSettled(t.app);
    const [received] = receivedAt(path);
    expect(signatureVerifies(received, rotated.body.secret)).toBe(true);
    expect(signatureVerifies(received, endpoint.secret)).toBe(true);
  });

  it('sends events to enabled endpoints only', async (context) => {
    skipWithoutCertificate(context);
    const path = `/disabled/${++sequence}`;
    const endpoint = await createEndpoint(t, owner, tenantId, { url: receiverUrl(path), events: ['lead.updated'], enabled: false });
    await createLead(t, owner, tenantId);
    await sendsSettled(t.app);
    expect(receivedAt(path)).toHaveLength(0);
    expect((await deliveriesOf(endpoint.id)).total).toBe(0);
  });

  it('holds a tenant to its maximum of endpoints with 409', async (context) => {
    skipWithoutCertificate(context);
    const crowded = (await createTenant(t, owner)).id;
    for (let index = 0; index < 10; index++)
      await createEndpoint(t, owner, crowded, { url: `https://hooks.example.com/${index}`, events: ['lead.updated'] });
    const refused = await t
      .http()
      .post(base(crowded))
      .set(bearer(owner))
      .send({ url: 'https://hooks.example.com/11', events: ['lead.updated'] });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toContain('webhook-endpoints-limit');
    expect(
      (
        await t
          .http()
          .get(`${base(crowded)}?limit=100`)
          .set(bearer(owner))
      ).body.total,
    ).toBe(10);
  });

  it('deletes a closed tenant’s endpoints and deliveries', async (context) => {
    skipWithoutCertificate(context);
    const closing = (await createTenant(t, owner)).id;
    const endpoint = await createEndpoint(t, owner, closing, { url: receiverUrl(), events: ['lead.updated'] });
    await t
      .http()
      .post(`${base(closing)}/${endpoint.id}/test`)
      .set(bearer(owner));
    await sendsSettled(t.app);
    const tenant = new Types.ObjectId(closing);
    expect(await webhookDeliveryModel(t.app).countDocuments({ tenantId: tenant })).toBe(1);
    const closed = await t.http().delete(`/api/tenants/${closing}`).set(bearer(owner));
    expect(closed.status, JSON.stringify(closed.body)).toBeLessThan(300);
    await t.app.get(EffectsRelay).sweep(1000);
    expect(await webhookEndpointModel(t.app).countDocuments({ tenantId: tenant })).toBe(0);
    expect(await webhookDeliveryModel(t.app).countDocuments({ tenantId: tenant })).toBe(0);
    // The other tenants keep theirs.
    expect(await webhookEndpointModel(t.app).countDocuments({ tenantId: new Types.ObjectId(tenantId) })).toBeGreaterThan(0);
  });
});
