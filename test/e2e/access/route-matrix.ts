import type { TestApp } from '../../support/app.js';
import type { TestUser } from '../../support/auth.js';
import { AUDIT_MATRIX } from '../audit/audit.matrix.js';
import { BILLING_MATRIX } from '../billing/billing.matrix.js';
import { ENTITLEMENTS_MATRIX } from '../entitlements/entitlements.matrix.js';
import { IDENTITY_MATRIX } from '../identity/identity.matrix.js';
import { MAIL_MATRIX } from '../mail/mail.matrix.js';
import { MARKETING_MATRIX } from '../marketing/marketing.matrix.js';
import { NOTIFICATIONS_MATRIX } from '../notifications/notifications.matrix.js';
import { PRESENCE_MATRIX } from '../presence/presence.matrix.js';
import { SUPPORT_MATRIX } from '../support/support.matrix.js';
import { TENANCY_MATRIX } from '../tenancy/tenancy.matrix.js';
import { FILES_MATRIX } from '../files/files.matrix.js';
import { CAREERS_MATRIX } from '../careers/careers.matrix.js';
import { WEBINARS_MATRIX } from '../webinars/webinars.matrix.js';
import { SUGGESTIONS_MATRIX } from '../suggestions/suggestions.matrix.js';
import { FAVORITES_MATRIX } from '../favorites/favorites.matrix.js';
import { PERSONALIZATION_MATRIX } from '../personalization/personalization.matrix.js';
import { LAB_MATRIX } from '../lab/lab.matrix.js';
import { ANALYTICS_MATRIX } from '../analytics/analytics.matrix.js';
import { SKILLS_MATRIX } from '../skills/skills.matrix.js';
import { LEARNING_MATRIX } from '../learning/learning.matrix.js';
import { SESSIONS_MATRIX } from '../sessions/sessions.matrix.js';
import { LEADS_MATRIX } from '../leads/leads.matrix.js';
import { VOICE_AGENTS_MATRIX } from '../voice-agents/voice-agents.matrix.js';
import { VOICE_CALLS_MATRIX } from '../voice-calls/voice-calls.matrix.js';
import { CALL_BATCHES_MATRIX } from '../call-batches/call-batches.matrix.js';
import { TENANT_WEBHOOKS_MATRIX } from '../tenant-webhooks/tenant-webhooks.matrix.js';

export const ACTORS = ['anonymous', 'owner', 'other', 'staff', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

/** Callers probed on tenant-scoped routes only: a plain `member` of the owner's tenant; `outsider` owns another tenant. */
export const TENANT_ACTORS = ['member', 'outsider'] as const;
export type TenantActor = (typeof TENANT_ACTORS)[number];

export interface ProbeTenant {
  id: string;
  member: TestUser;
  outsider: TestUser;
  outsiderTenantId: string;
}

export interface ProbeContext {
  t: TestApp;
  /** The user whose resource the route is called on; created fresh for every probe (on tenant routes, the tenant's owner). */
  owner: TestUser;
  /** Signed in, with no standing in the owner's tenant. */
  other: TestUser;
  staff: TestUser;
  admin: TestUser;
  /** The owner's tenant, made on first call within a probe. */
  tenant(): Promise<ProbeTenant>;
}

export interface Probe {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface MatrixRow {
  request(context: ProbeContext): Probe | Promise<Probe>;
  /** Tenant-scoped routes (under /api/tenants/{tenantId}) must also say what `member` and `outsider` get. */
  expect: Record<Actor, number> & Partial<Record<TenantActor, number>>;
}

/** A route that acts inside one tenant: its path names the tenant. */
export const isTenantScoped = (route: string): boolean => /\/api\/tenants\/\{tenantId\}/.test(route);

const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  owner: status,
  other: status,
  staff: status,
  admin: status,
});
const adminOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: 403, other: 403, staff: 403, admin: status });

/** Expected status per route and caller. "owner" is the user the path or body points at. */
export const ROUTE_MATRIX: Record<string, MatrixRow> = {
  'GET /api/health/live': { request: () => ({}), expect: everyone(200) },
  'GET /api/health/ready': { request: () => ({}), expect: everyone(200) },

  ...IDENTITY_MATRIX,

  ...BILLING_MATRIX,

  ...NOTIFICATIONS_MATRIX,

  ...MAIL_MATRIX,

  'GET /api/admin/jobs': { request: () => ({}), expect: adminOnly(200) },
  'POST /api/admin/jobs/{name}/run': { request: () => ({ params: { name: 'rate-limits.purge' } }), expect: adminOnly(202) },

  ...PRESENCE_MATRIX,
  ...MARKETING_MATRIX,
  ...SUPPORT_MATRIX,
  ...ENTITLEMENTS_MATRIX,
  ...AUDIT_MATRIX,
  ...TENANCY_MATRIX,
  ...FILES_MATRIX,
  ...CAREERS_MATRIX,
  ...WEBINARS_MATRIX,
  ...SUGGESTIONS_MATRIX,
  ...FAVORITES_MATRIX,
  ...PERSONALIZATION_MATRIX,
  ...LAB_MATRIX,
  ...ANALYTICS_MATRIX,
  ...SKILLS_MATRIX,
  ...LEARNING_MATRIX,
  ...SESSIONS_MATRIX,
  ...LEADS_MATRIX,
  ...VOICE_AGENTS_MATRIX,
  ...VOICE_CALLS_MATRIX,
  ...CALL_BATCHES_MATRIX,
  ...TENANT_WEBHOOKS_MATRIX,
};
