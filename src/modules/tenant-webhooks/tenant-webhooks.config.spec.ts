import { describe, expect, it } from 'vitest';
import { readTenantWebhooksConfig } from './tenant-webhooks.config.js';

describe('tenant webhooks config', () => {
  it('works offline with its defaults: public targets only', () => {
    const config = readTenantWebhooksConfig({});
    expect(config.TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS).toBe(false);
    expect(config.TENANT_WEBHOOKS_MAX_ENDPOINTS).toBe(10);
  });

  it('refuses private targets in production, naming the variable', () => {
    expect(() => readTenantWebhooksConfig({ NODE_ENV: 'production', TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(
      /TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS/,
    );
    expect(
      readTenantWebhooksConfig({ NODE_ENV: 'test', TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }).TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS,
    ).toBe(true);
  });

  it('refuses a value that is not a boolean', () => {
    expect(() => readTenantWebhooksConfig({ TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'yes' })).toThrow(
      /TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS/,
    );
  });
});
