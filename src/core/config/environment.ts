import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { productionSecretProblem } from './production-secrets.js';
import { DEVELOPMENT_SECRETS } from './published-secrets.js';
import { IsTrustedProxies, NotAbove } from '../http/environment.validators.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every variable the service reads. Defaults are safe for a laptop; production sets its own secrets. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'must be a mongodb:// or mongodb+srv:// connection string' })
  MONGODB_URI?: string;

  @IsString()
  DATA_DIR = './.data';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  MONGODB_SERVER_SELECTION_TIMEOUT_MS = 5000;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string = DEVELOPMENT_SECRETS.JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Proxies whose X-Forwarded-For is believed: empty (none), a hop count, or addresses/CIDRs. */
  @IsOptional()
  @IsTrustedProxies()
  TRUSTED_PROXIES?: string;

  /** Longest a client may take to send a whole request (headers and body). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Longest a client may take to send the request headers. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @NotAbove('REQUEST_TIMEOUT_MS')
  HEADERS_TIMEOUT_MS = 10_000;

  /** How long an idle keep-alive connection stays open; above the idle timeout of the load balancer in front. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  KEEP_ALIVE_TIMEOUT_MS = 72_000;

  /** How long a shutdown waits for requests in flight before closing their connections. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SHUTDOWN_GRACE_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  LOGIN_LOCK_SECONDS = 900;

  /** The first lock of a (account, address) pair; each further failure doubles it, up to LOGIN_LOCK_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_BASE_SECONDS = 60;

  /** Failures on one account from all addresses before it locks for addresses that never signed in to it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_MAX_FAILURES = 50;

  /** How long an address that signed in to an account stays exempt from that account's lock. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_KNOWN_CLIENT_DAYS = 30;

  /** How long an instance trusts what it read of an account (status, role, session); 0 reads it on every request. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  AUTH_ACCOUNT_CACHE_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_ACCOUNT_CACHE_MAX_ENTRIES = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACTIVITY_RETENTION_DAYS = 365;

  @IsOptional()
  @Matches(/^sk_(test|live)_\w+$/, { message: 'must be a Stripe secret key (sk_test_… or sk_live_…)' })
  STRIPE_SECRET_KEY?: string;

  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  STRIPE_WEBHOOK_SECRET: string = DEVELOPMENT_SECRETS.STRIPE_WEBHOOK_SECRET;

  @IsOptional()
  @Matches(/^https?:\/\/[^/]+$/, { message: 'must be a base URL such as http://127.0.0.1:12111' })
  STRIPE_API_BASE?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  BILLING_MAX_AMOUNT = 100_000_000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  BILLING_TAX_RATE_BPS = 0;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1'))
  @IsBoolean()
  JOBS_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  EMAIL_DRAIN_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  EMAIL_BATCH_SIZE = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EMAIL_CONCURRENCY = 4;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EMAIL_MAX_ATTEMPTS = 6;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  EMAIL_RETRY_BASE_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  EMAIL_LEASE_MS = 60_000;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Atrium <no-reply@atrium.local>';

  @IsString()
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETENTION_READ_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETENTION_UNREAD_DAYS = 90;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  NOTIFICATION_CLEANUP_INTERVAL_MS = 60_000;

  @IsOptional()
  @IsString()
  VAPID_PUBLIC_KEY?: string;

  @IsOptional()
  @IsString()
  VAPID_PRIVATE_KEY?: string;

  @IsString()
  VAPID_SUBJECT = 'mailto:admin@atrium.local';

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;
}

/** Raised at boot; its message is one line naming the variable. */
export class EnvironmentError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new EnvironmentError(`Invalid environment: ${first.property} ${reason.replace(new RegExp(`^${first.property} `), '')}`);
  }
  // Production never runs on a secret anyone can read in this repository.
  const secret = env.NODE_ENV === 'production' ? productionSecretProblem(raw) : undefined;
  if (secret) throw new EnvironmentError(`Invalid environment: ${secret.variable} ${secret.reason}`);
  return env;
}
