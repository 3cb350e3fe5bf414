import type Stripe from 'stripe';
import { ValidationProblem, type FieldError } from '../../../core/http/problem.js';

/** The event types that change something here; every other type is acknowledged and recorded. */
export const HANDLED_EVENT_TYPES = [
  'payment_intent.succeeded',
  'payment_intent.processing',
  'payment_intent.canceled',
  'payment_intent.payment_failed',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
  'invoice.paid',
  'invoice.payment_failed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;

const notAnEvent = 'The signed payload is not a well-formed provider event.';

type Check = [test: (value: unknown) => boolean, message: string];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 255;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const optional = (test: (value: unknown) => boolean) => (value: unknown) => value === undefined || value === null || test(value);

const reference: Check = [optional((value) => isId(value) || (isObject(value) && isId(value.id))), 'must be an id or an object with one'];
const count: Check = [isCount, 'must be a non-negative integer'];
const status: Check = [isId, 'must be a status string'];

/** What each handled type reads from `data.object` besides its id. */
const OBJECT_FIELDS: Partial<Record<string, Record<string, Check>>> = {
  'payment_intent.payment_failed': { last_payment_error: [optional(isObject), 'must be an object'] },
  'charge.refunded': { amount_refunded: count, payment_intent: reference },
  'charge.dispute.created': { payment_intent: reference },
  'charge.dispute.closed': { payment_intent: reference, status },
  'invoice.paid': { amount_paid: count },
  'customer.subscription.created': { status, cancel_at_period_end: [optional((v) => typeof v === 'boolean'), 'must be a boolean'] },
  'customer.subscription.updated': { status, cancel_at_period_end: [optional((v) => typeof v === 'boolean'), 'must be a boolean'] },
};

/**
 * A correct signature says who sent the payload, not that it has the shape of an event. Anything
 * else (`{}`, `[]`, `null`, an event without `data.object`, a handled event without the fields it
 * is read by) is a 400 before anything is stored.
 */
export function assertStripeEvent(value: unknown): Stripe.Event {
  if (!isObject(value)) throw new ValidationProblem([{ field: 'body', message: 'must be an event object' }], notAnEvent);
  const errors: FieldError[] = [];
  if (!isId(value.id)) errors.push({ field: 'id', message: 'must be a string of 1 to 255 characters' });
  if (!isId(value.type)) errors.push({ field: 'type', message: 'must be a string of 1 to 255 characters' });
  if (!(Number.isSafeInteger(value.created) && (value.created as number) > 0))
    errors.push({ field: 'created', message: 'must be the event time in seconds' });
  const data = value.data;
  if (!isObject(data)) errors.push({ field: 'data', message: 'must be an object' });
  else if (!isObject(data.object)) errors.push({ field: 'data.object', message: 'must be an object' });
  else if ((HANDLED_EVENT_TYPES as readonly unknown[]).includes(value.type)) {
    const object = data.object;
    if (!isId(object.id)) errors.push({ field: 'data.object.id', message: 'must be a string of 1 to 255 characters' });
    for (const [field, [test, message]] of Object.entries(OBJECT_FIELDS[value.type as string] ?? {})) {
      if (!test(object[field])) errors.push({ field: `data.object.${field}`, message });
    }
  }
  if (errors.length > 0) throw new ValidationProblem(errors, notAnEvent);
  return value as unknown as Stripe.Event;
}
