import { randomUUID } from 'node:crypto';
import type { MatrixRow } from '../access/route-matrix.js';
import { everyone, staffOnly } from '../access/expectations.js';

const visitor = () => `matrix-${randomUUID()}`;
const range = { query: { from: '2026-01-01', to: '2026-01-31' } };

/** Expected status per analytics route and caller. */
export const ANALYTICS_MATRIX: Record<string, MatrixRow> = {
  'POST /api/analytics/track/visitor': { request: () => ({ body: { visitorId: visitor(), locale: 'en-US' } }), expect: everyone(200) },
  'POST /api/analytics/track/pageview': { request: () => ({ body: { visitorId: visitor(), path: '/matrix' } }), expect: everyone(200) },
  'POST /api/analytics/track/event': {
    request: () => ({ body: { visitorId: visitor(), events: [{ name: 'matrix.probed', at: new Date().toISOString() }] } }),
    expect: everyone(202),
  },
  'GET /api/analytics/active-users': { request: () => range, expect: staffOnly(200) },
  'GET /api/analytics/top-pages': { request: () => range, expect: staffOnly(200) },
  'GET /api/analytics/events': { request: () => range, expect: staffOnly(200) },
  'GET /api/analytics/tools': { request: () => range, expect: staffOnly(200) },
  'GET /api/analytics/api-usage': { request: () => range, expect: staffOnly(200) },
  'GET /api/analytics/series': { request: () => ({ query: { ...range.query, metric: 'visits' } }), expect: staffOnly(200) },
};
