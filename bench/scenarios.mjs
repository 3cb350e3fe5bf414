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

/** Events per tracking call: events/s is this many times the scenario's requests/s. */
export const EVENT_BATCH = 50;
// One of each of the five streams in turn (userevents, chatinteractions, toolusages, userbehaviors,
// performancemetrics), so every call makes five insertMany calls of ten events each.
const EVENT_KINDS = [
  ['pricing.cta_clicked', { cta: 'start-trial', position: 2 }],
  ['chat.message_sent', { agentId: 'agent-3', tokens: 412 }],
  ['tool.translator.used', { durationMs: 840, ok: true }],
  ['behavior.scroll_depth', { percent: 75, path: '/pricing' }],
  ['perf.lcp', { valueMs: 1830, path: '/pricing' }],
];
function eventBatch() {
  const start = Date.now() - 60_000;
  return {
    visitorId: 'bench-visitor-0001',
    visitId: 'bench-visit-0001',
    events: Array.from({ length: EVENT_BATCH }, (_, index) => {
      const [name, properties] = EVENT_KINDS[index % EVENT_KINDS.length];
      return { name, at: new Date(start + index * 1000).toISOString(), properties };
    }),
  };
}

/** Rows per lead import request: rows/s is this many times the scenario's requests/s. */
export const IMPORT_BATCH = 1000;
let importedNumbers = 0;
/** A fresh, valid New York number per row (+1 646 NXX XXXX, exchanges 200-999): every row of the run creates a lead. */
const freshNumber = () => {
  const n = importedNumbers++;
  return `+1646${200 + (Math.floor(n / 10_000) % 800)}${String(n % 10_000).padStart(4, '0')}`;
};
const importRows = (request) => ({
  ...request,
  body: JSON.stringify({
    format: 'json',
    rows: Array.from({ length: IMPORT_BATCH }, (_, index) => ({
      name: `Bench Lead ${importedNumbers}`,
      phone: freshNumber(),
      email: `lead.${index}@example.com`,
      tags: ['bench', index % 2 ? 'spring' : 'autumn'],
    })),
  }),
});

/**
 * `user`, `staff`: signed-in sessions (tokens from Atrium's login); `someone`: a user id to read; `tenantId`:
 * a tenant the user owns, with the `audit-log` feature.
 */
export function scenarios({ user, staff, someone, tenantId, webhookSecret, voiceTenantId, vapiSecret, vapiCallId }) {
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

  let vapiMessages = 0;
  // Vapi's most frequent server message, for a call of ours: stored once by digest, acknowledged as ignored.
  const vapiMessage = (request) => ({
    ...request,
    body: JSON.stringify({
      message: {
        type: 'speech-update',
        status: vapiMessages % 2 ? 'started' : 'stopped',
        role: 'assistant',
        timestamp: Date.now(),
        sequence: vapiMessages++,
        call: { id: vapiCallId },
      },
    }),
    headers: { ...request.headers, 'x-vapi-secret': vapiSecret },
  });

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
    // The seeded board (300 suggestions); signed in, the caller's own votes on the page are read too.
    { name: 'suggestions by score (public)', kind: 'read', ...same('/suggestions?sort=score&limit=20') },
    {
      name: 'suggestions by score, own votes (auth)',
      kind: 'read',
      ...same('/suggestions?sort=score&limit=20', { token: user.accessToken }),
    },
    // The demo user's seeded favorite slot 0 is agent-0; the miss takes the same index lookup.
    {
      name: 'favorites check, hit (auth)',
      kind: 'read',
      ...same(`/favorites/check/${user.user.id}/agent/agent-0`, { token: user.accessToken }),
    },
    {
      name: 'favorites check, miss (auth)',
      kind: 'read',
      ...same(`/favorites/check/${user.user.id}/tool/not-a-favorite`, { token: user.accessToken }),
    },
    // The seeded catalogue (2,016 skills): the first page by popularity, and a search that the stand-in answers from
    // the stored stems (MongoDB from its text index).
    { name: 'skills list by popularity (public)', kind: 'read', ...same('/skills?sort=popularity&limit=20') },
    { name: 'skills search "python" (public)', kind: 'read', ...same('/skills/search?q=python&limit=20') },
    // The demo user books every 25th seeded session (120 of 3,000): their own, latest first.
    { name: 'my learning sessions (auth)', kind: 'read', ...same('/sessions/my-sessions?limit=20', { token: user.accessToken }) },
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
    {
      name: 'ingest Vapi server message',
      kind: 'create',
      atrium: { path: '/api/voice/webhooks/vapi', method: 'POST', setup: vapiMessage },
      baseline: { path: '/voice/webhooks/vapi', method: 'POST', setup: vapiMessage },
    },
    {
      name: `track events, batch of ${EVENT_BATCH} (public)`,
      kind: 'create',
      ...same('/analytics/track/event', { method: 'POST', body: eventBatch() }),
    },
    // Last: each import leaves 1,000 leads whose owed lead.updated the relay then delivers, which would weigh on
    // whatever runs next.
    {
      name: `lead import, ${IMPORT_BATCH} JSON rows (owner)`,
      kind: 'create',
      itemsPerRequest: IMPORT_BATCH,
      // Four uploads at a time, as a campaign team imports its files: twenty 1,000-row bodies at once queue behind the
      // database for longer than the load generator's 10 s timeout, on both sides.
      atrium: { path: `/api/tenants/${voiceTenantId}/leads/import`, method: 'POST', token: user.accessToken, setup: importRows, connections: 4 },
      baseline: { path: `/tenants/${voiceTenantId}/leads/import`, method: 'POST', token: user.accessToken, setup: importRows, connections: 4 },
    },
  ];
}
