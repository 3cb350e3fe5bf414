// The benchmark's scenarios: each names the Atrium request and the baseline's equivalent.
// `kind: 'read'` ones are also measured at a fixed arrival rate and count towards the read target.
import Stripe from 'stripe';

const signer = new Stripe('sk_test_signature_helper');

const ticketBody = {
  subject: 'Invoice shows the wrong company name',
  category: 'billing',
  priority: 'normal',
  message: 'The invoice for March names our former company; could you issue it again with the new name?',
};

/**
 * `user`, `staff`: signed-in sessions (tokens from Atrium's login); `someone`: a user id to read; `tenantId`:
 * a tenant the user owns, with the `audit-log` feature.
 */
export function scenarios({ user, staff, someone, tenantId, webhookSecret }) {
  let registrations = 0;
  const uniqueRegistration = (request) => ({
    ...request,
    body: JSON.stringify({ email: `bench.${process.pid}.${Date.now()}.${registrations++}@example.com`, password: 'bench password 123' }),
  });

  let webhooks = 0;
  // Every delivery is a new, freshly signed event (an event type nothing reacts to: recorded and acknowledged).
  const signedWebhook = (request) => {
    const payload = JSON.stringify({
      id: `evt_bench_${process.pid}_${Date.now()}_${webhooks++}`,
      object: 'event',
      type: 'customer.created',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cus_bench', object: 'customer' } },
    });
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    return { ...request, body: payload, headers: { ...request.headers, 'stripe-signature': signature } };
  };

  const same = (path, extra = {}) => ({ atrium: { path: `/api${path}`, ...extra }, baseline: { path, ...extra } });
  return [
    { name: 'health', kind: 'read', atrium: { path: '/api/health/live' }, baseline: { path: '/health' } },
    { name: 'get user by id (auth)', kind: 'read', ...same(`/users/${someone}`, { token: user.accessToken }) },
    {
      name: 'list users, role filter, page 2 (staff)',
      kind: 'read',
      ...same('/users?role=user&page=2&limit=20', { token: staff.accessToken }),
    },
    { name: 'notifications list (auth)', kind: 'read', ...same('/notifications?page=1&limit=20', { token: user.accessToken }) },
    { name: 'notifications unread-count (auth)', kind: 'read', ...same('/notifications/unread-count', { token: user.accessToken }) },
    // Before ticket creation, so both servers page the same seeded queue.
    { name: 'support queue, open (staff)', kind: 'read', ...same('/support/queue?status=open&limit=20', { token: staff.accessToken }) },
    {
      name: 'support queue, urgent overdue (staff)',
      kind: 'read',
      ...same('/support/queue?priority=urgent&overdue=true&limit=20', { token: staff.accessToken }),
    },
    {
      name: 'tenant audit log, feature-gated (owner)',
      kind: 'read',
      ...same(`/tenants/${tenantId}/audit-logs?limit=20`, { token: user.accessToken }),
    },
    {
      name: 'register (create)',
      kind: 'create',
      atrium: { path: '/api/auth/register', method: 'POST', setup: uniqueRegistration },
      baseline: { path: '/register', method: 'POST', setup: uniqueRegistration },
    },
    {
      name: 'create payment intent',
      kind: 'create',
      ...same('/payments/intent', { method: 'POST', token: user.accessToken, body: { amount: 1999, currency: 'EUR' } }),
    },
    {
      name: 'create support ticket (auth)',
      kind: 'create',
      ...same('/support/tickets', { method: 'POST', token: user.accessToken, body: ticketBody }),
    },
    {
      name: 'ingest signed webhook',
      kind: 'create',
      atrium: { path: '/api/billing/webhooks/stripe', method: 'POST', setup: signedWebhook },
      baseline: { path: '/webhook', method: 'POST', setup: signedWebhook },
    },
  ];
}
