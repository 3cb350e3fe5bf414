import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { newEventId, nowSeconds, webhookSender } from './signed-webhook.js';

const SECRET = 'whsec_suite_secret_for_event_shapes';

const envelope = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: newEventId(), object: 'event', type: 'payment_intent.succeeded', created: nowSeconds(), ...fields });

/** A correct signature vouches for the sender, not for the shape: shapeless events are 400 and leave nothing behind. */
describe('signed webhook payloads without the shape of an event', () => {
  let t: TestApp;
  let send: ReturnType<typeof webhookSender>;

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    send = webhookSender(t, SECRET);
  });
  afterAll(() => t?.close());

  const shapes: [string, string][] = [
    ['an empty object', '{}'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"evt_1"'],
    ['an event without data', envelope({})],
    ['an event whose data is not an object', envelope({ data: 'x' })],
    ['an event without data.object', envelope({ data: {} })],
    ['an event whose data.object is a string', envelope({ data: { object: 'pi_1' } })],
    ['an event whose data.object is an array', envelope({ data: { object: [] } })],
    ['an event whose data.object is null', envelope({ data: { object: null } })],
    ['an event without an id', envelope({ id: undefined, data: { object: { id: 'pi_1' } } })],
    ['an event with a numeric id', envelope({ id: 7, data: { object: { id: 'pi_1' } } })],
    ['an event without a type', envelope({ type: undefined, data: { object: { id: 'pi_1' } } })],
    ['an event without a creation time', envelope({ created: undefined, data: { object: { id: 'pi_1' } } })],
    ['a payment event whose object has no id', envelope({ data: { object: { object: 'payment_intent' } } })],
    [
      'a refund event with a non-numeric refunded total',
      envelope({ type: 'charge.refunded', data: { object: { id: 'ch_1', amount_refunded: 'all' } } }),
    ],
  ];

  for (const [name, payload] of shapes) {
    it(`refuses ${name} with 400 problem+json and stores nothing`, async () => {
      const before = await t.connection.collection('webhookevents').countDocuments();
      const response = await send.raw(payload);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, type: 'urn:atrium:problem:validation-failed' });
      expect(await t.connection.collection('webhookevents').countDocuments()).toBe(before);
    });
  }

  it('still accepts a well-formed event of a type nothing reacts to', async () => {
    const response = await send.raw(envelope({ type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ received: true, duplicate: false, outcome: 'ignored' });
  });
});
