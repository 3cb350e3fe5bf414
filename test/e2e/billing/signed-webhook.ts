import Stripe from 'stripe';
import type { TestApp } from '../../support/app.js';

const signer = new Stripe('sk_test_signature_helper');

export interface EventOptions {
  id?: string;
  /** Stripe's `created`, in seconds; now by default. */
  created?: number;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
export const newEventId = (prefix = 'evt') => `${prefix}_${Math.random().toString(36).slice(2)}${Date.now()}`;

/** A Stripe event body as Stripe sends it. */
export function eventPayload(type: string, object: Record<string, unknown>, options: EventOptions = {}): string {
  return JSON.stringify({
    id: options.id ?? newEventId(),
    object: 'event',
    type,
    api_version: '2025-01-27',
    created: options.created ?? nowSeconds(),
    data: { object },
  });
}

/** Posts any payload to the webhook with a valid signature for it. */
export function webhookSender(t: TestApp, secret: string) {
  const raw = (payload: string, path = '/api/billing/webhooks/stripe') =>
    t
      .http()
      .post(path)
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signer.webhooks.generateTestHeaderString({ payload, secret }))
      .send(payload);
  return {
    raw,
    event: (type: string, object: Record<string, unknown>, options: EventOptions = {}) => raw(eventPayload(type, object, options)),
  };
}
