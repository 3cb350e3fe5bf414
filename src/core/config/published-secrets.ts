/** Development defaults of the secrets: they work with no configuration outside production. */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'dev-only-secret-change-me-0123456789abcdef',
  STRIPE_WEBHOOK_SECRET: 'whsec_atrium_dev_only_change_me',
  VAPI_WEBHOOK_SECRET: 'vapi_atrium_dev_only_change_me',
} as const;

/**
 * Every secret-like value this repository publishes (code defaults, .env.example, compose files, test
 * setup, demo seed). Anyone can read them, so production refuses each of them for every secret.
 */
export const PUBLISHED_SECRET_VALUES: ReadonlySet<string> = new Set([
  ...Object.values(DEVELOPMENT_SECRETS),
  // The JWT_SECRET default docker-compose.yml once shipped.
  'change-me-in-production-0123456789abcdef',
  // test/support/per-file-setup.ts
  'test-secret-that-is-long-enough-0123456789',
  // test/e2e/core/metrics.e2e-spec.ts
  'metrics-test-token-that-is-long-enough-0123456789',
  // The seeded demo accounts' password (README, src/cli).
  'atrium-demo-password',
]);
