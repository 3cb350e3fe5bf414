import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../core/http/text-length.validators.js';
import { IntSetting, readConfigSection } from '../../core/config/config-section.js';
import { EnvironmentError } from '../../core/config/environment.js';

/** 'true' / '1' / 'false' / '0'; anything else stays a string and fails @IsBoolean, naming the variable. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return value;
};

/** The tenant webhooks' slice of the environment. */
export class TenantWebhooksConfig {
  /** Endpoints one tenant may register. */
  @IntSetting({ min: 1, max: 100 }) TENANT_WEBHOOKS_MAX_ENDPOINTS = 10;

  /** How long one delivery attempt may take, connection to last byte, before it counts as failed. */
  @IntSetting({ min: 1000, max: 30_000 }) TENANT_WEBHOOKS_TIMEOUT_MS = 10_000;

  /** How often the delivery job looks for due deliveries (retries; first attempts are also sent at once). */
  @IntSetting({ min: 1, max: 3600 }) TENANT_WEBHOOKS_DELIVER_EVERY_SECONDS = 15;

  /** Deliveries that fail for good in a row before the endpoint is disabled; 0 never disables. */
  @IntSetting({ min: 0, max: 1000 }) TENANT_WEBHOOKS_DISABLE_AFTER_FAILURES = 20;

  /** After a secret rotation, hours the previous secret still signs alongside the new one. */
  @IntSetting({ min: 0, max: 168 }) TENANT_WEBHOOKS_ROTATION_OVERLAP_HOURS = 24;

  /**
   * Tests only (refused in production): deliveries may reach private and loopback addresses, so a test
   * can receive them on its own HTTPS server. URLs are still checked by the outbound policy when registered.
   */
  @Transform(toBoolean)
  @IsBoolean()
  TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;

  /** With TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS: a PEM certificate trusted besides the system roots (a test CA). */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  TENANT_WEBHOOKS_EXTRA_CA_FILE?: string = undefined;
}

/** The section, read once; letting deliveries into private space is refused outright in production. */
export function readTenantWebhooksConfig(raw: Record<string, unknown> = process.env): TenantWebhooksConfig {
  const config = Object.assign(new TenantWebhooksConfig(), readConfigSection(TenantWebhooksConfig, raw));
  if (config.TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS && raw.NODE_ENV === 'production')
    throw new EnvironmentError('Invalid environment: TENANT_WEBHOOKS_ALLOW_PRIVATE_TARGETS must be false in production');
  return config;
}

export const tenantWebhooksConfigProvider = { provide: TenantWebhooksConfig, useFactory: () => readTenantWebhooksConfig() };
