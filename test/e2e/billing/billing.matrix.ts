import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, signedIn, staffOnly } from '../access/expectations.js';

/** The payer or staff; for anyone else the resource does not exist. */
const payerOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});

const as = (context: ProbeContext) => ({ Authorization: `Bearer ${context.owner.accessToken}` });

/** A payment of the owner's: pending, or confirmed (the embedded provider succeeds at once). */
async function ownerPayment(context: ProbeContext, confirm = true): Promise<string> {
  const intent = await context.t.http().post('/api/payments/intent').set(as(context)).send({ amount: 1_000, currency: 'EUR' });
  if (confirm) await context.t.http().post(`/api/payments/${intent.body.id}/confirm`).set(as(context)).send({});
  return intent.body.id;
}

async function ownerInvoice(context: ProbeContext): Promise<string> {
  const payment = await ownerPayment(context);
  return (await context.t.http().get(`/api/payments/${payment}/invoice`).set(as(context))).body.id;
}

async function ownerMethod(context: ProbeContext): Promise<string> {
  return (await context.t.http().post('/api/payments/methods').set(as(context)).send({ providerMethodId: 'pm_card_visa' })).body.id;
}

async function ownerRefundRequest(context: ProbeContext): Promise<string> {
  const payment = await ownerPayment(context);
  return (await context.t.http().post('/api/refund-requests').set(as(context)).send({ transactionId: payment, reason: 'other' })).body.id;
}

async function ownerSubscription(context: ProbeContext): Promise<string> {
  return (await context.t.http().post('/api/subscriptions').set(as(context)).send({ plan: 'pro' })).body.id;
}

/** Billing's rows of the authorization matrix. */
export const BILLING_MATRIX: Record<string, MatrixRow> = {
  'POST /api/billing/transactions': { request: () => ({ body: { amount: 500, currency: 'EUR' } }), expect: signedIn(201) },
  'GET /api/billing/transactions/user/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: payerOrStaff(200) },
  'GET /api/billing/transactions/{transactionId}': {
    request: async (context) => ({ params: { transactionId: await ownerPayment(context) } }),
    expect: payerOrStaff(200),
  },
  'PATCH /api/billing/transactions/{id}/status': {
    request: async (context) => ({ params: { id: await ownerPayment(context) }, body: { status: 'disputed' } }),
    expect: staffOnly(200),
  },
  'GET /api/billing/summary/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: payerOrStaff(200) },
  // Webhooks are public but answer only to a valid provider signature.
  'POST /api/billing/webhooks/stripe': { request: () => ({ body: { id: 'evt_unsigned' } }), expect: everyone(400) },
  'POST /api/payments/webhook': { request: () => ({ body: { id: 'evt_unsigned' } }), expect: everyone(400) },

  'POST /api/payments/intent': { request: () => ({ body: { amount: 500, currency: 'EUR' } }), expect: signedIn(201) },
  'GET /api/payments': { request: () => ({}), expect: signedIn(200) },
  'GET /api/payments/statistics': { request: () => ({}), expect: staffOnly(200) },
  'GET /api/payments/methods': { request: () => ({}), expect: signedIn(200) },
  'POST /api/payments/methods': { request: () => ({ body: { providerMethodId: 'pm_card_visa' } }), expect: signedIn(201) },
  'DELETE /api/payments/methods/{id}': {
    request: async (context) => ({ params: { id: await ownerMethod(context) } }),
    expect: payerOrStaff(204),
  },
  'POST /api/payments/methods/{id}/default': {
    request: async (context) => ({ params: { id: await ownerMethod(context) } }),
    expect: payerOrStaff(200),
  },
  'GET /api/payments/{id}': { request: async (context) => ({ params: { id: await ownerPayment(context) } }), expect: payerOrStaff(200) },
  'POST /api/payments/{id}/confirm': {
    request: async (context) => ({ params: { id: await ownerPayment(context, false) }, body: {} }),
    expect: payerOrStaff(200),
  },
  'POST /api/payments/{id}/refund': {
    request: async (context) => ({ params: { id: await ownerPayment(context) }, body: { amount: 100 } }),
    // Payers ask through a refund request; staff refund.
    expect: staffOnly(201),
  },
  'GET /api/payments/{id}/invoice': {
    request: async (context) => ({ params: { id: await ownerPayment(context) } }),
    expect: payerOrStaff(200),
  },

  'GET /api/invoices': { request: () => ({}), expect: signedIn(200) },
  'GET /api/invoices/{id}': { request: async (context) => ({ params: { id: await ownerInvoice(context) } }), expect: payerOrStaff(200) },
  'GET /api/invoices/{id}/download': {
    request: async (context) => ({ params: { id: await ownerInvoice(context) } }),
    expect: payerOrStaff(200),
  },

  'POST /api/refund-requests': {
    request: async (context) => ({ body: { transactionId: await ownerPayment(context), reason: 'other' } }),
    expect: payerOrStaff(201),
  },
  'GET /api/refund-requests': { request: () => ({}), expect: signedIn(200) },
  'GET /api/refund-requests/queue': { request: () => ({}), expect: staffOnly(200) },
  'POST /api/refund-requests/{id}/approve': {
    request: async (context) => ({ params: { id: await ownerRefundRequest(context) }, body: {} }),
    expect: staffOnly(200),
  },
  'POST /api/refund-requests/{id}/reject': {
    request: async (context) => ({ params: { id: await ownerRefundRequest(context) }, body: {} }),
    expect: staffOnly(200),
  },

  'POST /api/subscriptions': { request: () => ({ body: { plan: 'starter' } }), expect: signedIn(201) },
  'GET /api/subscriptions': { request: () => ({}), expect: signedIn(200) },
  'GET /api/subscriptions/{id}': {
    request: async (context) => ({ params: { id: await ownerSubscription(context) } }),
    expect: payerOrStaff(200),
  },
  'POST /api/subscriptions/{id}/cancel': {
    request: async (context) => ({ params: { id: await ownerSubscription(context) } }),
    expect: payerOrStaff(200),
  },
  'POST /api/subscriptions/{id}/resume': {
    request: async (context) => ({ params: { id: await ownerSubscription(context) } }),
    expect: payerOrStaff(200),
  },
};
