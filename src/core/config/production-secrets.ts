import { PUBLISHED_SECRET_VALUES } from './published-secrets.js';

interface SecretRule {
  variable: string;
  /** Production refuses to start without it (its development default is published). */
  required: boolean;
  minLength: number;
  /** A format check beyond the length, with the reason it failed. */
  format?: { valid: (value: string) => boolean; message: string };
}

const base64urlBytes = (value: string) => (/^[A-Za-z0-9_-]+=*$/.test(value) ? Buffer.from(value, 'base64url').length : 0);

/** Every secret the service reads, and what production demands of it. */
const SECRET_RULES: SecretRule[] = [
  { variable: 'JWT_SECRET', required: true, minLength: 32 },
  {
    variable: 'STRIPE_WEBHOOK_SECRET',
    required: true,
    minLength: 32,
    format: { valid: (value) => value.startsWith('whsec_'), message: 'must be the webhook endpoint\u2019s signing secret (whsec_\u2026)' },
  },
  { variable: 'STRIPE_SECRET_KEY', required: false, minLength: 32 },
  // Whoever holds it reports call outcomes, costs and transcripts to the voice webhook.
  { variable: 'VAPI_WEBHOOK_SECRET', required: true, minLength: 24 },
  { variable: 'VAPI_WEBHOOK_HMAC', required: false, minLength: 32 },
  // Whoever holds it reads the process's and the queues' metrics.
  { variable: 'METRICS_TOKEN', required: false, minLength: 32 },
  // The first admin's password opens everything; longer than the users' minimum.
  { variable: 'BOOTSTRAP_ADMIN_PASSWORD', required: false, minLength: 16 },
  {
    variable: 'VAPID_PRIVATE_KEY',
    required: false,
    minLength: 43,
    format: { valid: (value) => base64urlBytes(value) === 32, message: 'must be a base64url P-256 private key (32 bytes)' },
  },
];

/**
 * The reason production must not start with these variables, or undefined when they are fine.
 * Outside production the published defaults keep a laptop working with no configuration.
 */
export function productionSecretProblem(raw: Record<string, unknown>): { variable: string; reason: string } | undefined {
  for (const rule of SECRET_RULES) {
    const value = typeof raw[rule.variable] === 'string' ? (raw[rule.variable] as string) : undefined;
    if (!value) {
      if (rule.required) return { variable: rule.variable, reason: 'must be set in production (the default is published)' };
      continue;
    }
    if (PUBLISHED_SECRET_VALUES.has(value)) {
      return { variable: rule.variable, reason: 'is a published example value; production needs a secret of its own' };
    }
    if (value.length < rule.minLength) {
      return { variable: rule.variable, reason: `must be at least ${rule.minLength} characters in production` };
    }
    if (rule.format && !rule.format.valid(value)) return { variable: rule.variable, reason: rule.format.message };
  }
  if (raw.VAPID_PRIVATE_KEY && !raw.VAPID_PUBLIC_KEY) {
    return { variable: 'VAPID_PUBLIC_KEY', reason: 'must be set together with VAPID_PRIVATE_KEY' };
  }
  return undefined;
}
