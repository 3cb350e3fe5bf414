import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { MinLength } from '../http/text-length.validators.js';
import { productionSecretProblem } from './production-secrets.js';
import { DEVELOPMENT_SECRETS } from './published-secrets.js';
import { IsTrustedProxies, NotAbove } from '../http/environment.validators.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';

/**
 * Every variable the core reads (each module validates its own section, e.g. identity.config.ts).
 * Defaults are safe for a laptop; production sets its own secrets.
 */
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

  /** Requests per client address and sign-in route in each rate-limit window; 0 turns this limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /** Requests per client address to other public routes in each window; 0 turns this limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  /** Requests per signed-in user to routes that are not public in each window, whatever the role; 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  USER_RATE_LIMIT_PER_MINUTE = 600;

  /** The window every rate limit counts in: 60 makes the limits above per minute (tests shorten it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

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

  @IsOptional()
  @Matches(/^sk_(test|live)_\w+$/, { message: 'must be a Stripe secret key (sk_test_… or sk_live_…)' })
  STRIPE_SECRET_KEY?: string;

  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  STRIPE_WEBHOOK_SECRET: string = DEVELOPMENT_SECRETS.STRIPE_WEBHOOK_SECRET;

  @IsOptional()
  @Matches(/^https?:\/\/[^/]+$/, { message: 'must be a base URL such as http://127.0.0.1:12111' })
  STRIPE_API_BASE?: string;

  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  /**
   * Judges every body and query the fast verdict accepted with class-validator too, and builds every DTO with
   * class-transformer too; a request fails (500) if either disagrees.
   */
  @Transform(toBoolean)
  @IsBoolean()
  VALIDATION_CROSS_CHECK = false;

  /** Bearer token of GET /metrics; unset turns metrics off (production: at least 32 characters, see production-secrets.ts). */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  @Matches(/^\S+$/, { message: 'must be one word without spaces' })
  METRICS_TOKEN?: string;

  // EMAIL_*, SMTP_URL and MAIL_FROM: the mail module's section (modules/mail/mail.config.ts).

  @IsString()
  PUBLIC_BASE_URL = 'http://localhost:3000';

  // NOTIFICATION_* and VAPID_*: the notifications module's section (modules/notifications/notifications.config.ts);
  // production-secrets.ts still checks VAPID_PRIVATE_KEY in production, from the raw environment.
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
