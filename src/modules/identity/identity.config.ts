import { IsEmail, IsOptional, IsString } from 'class-validator';
import { MinLength } from '../../core/http/text-length.validators.js';
import { IntSetting } from '../../core/config/config-section.js';

/**
 * Identity's slice of the environment: refresh sessions, sign-in throttling, email verification, the
 * activity log's retention and the first admin. The access-token secret and lifetime stay in the core environment:
 * the auth guard reads them, and production checks every secret (BOOTSTRAP_ADMIN_PASSWORD too).
 */
export class IdentityConfig {
  /** Refresh tokens rotate on each use and stop this long after the last one. */
  @IntSetting({ min: 60 }) REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  /** Failures per (account, address) pair before it locks for LOGIN_LOCK_BASE_SECONDS, doubling per further failure. */
  @IntSetting({ min: 1 }) LOGIN_MAX_FAILURES = 5;
  /** The longest lock, and how long failures are remembered after the last one. */
  @IntSetting({ min: 10 }) LOGIN_LOCK_SECONDS = 900;
  @IntSetting({ min: 1 }) LOGIN_LOCK_BASE_SECONDS = 60;
  /** Failures on one account from all addresses before it locks for addresses that never signed in to it. */
  @IntSetting({ min: 1 }) LOGIN_ACCOUNT_MAX_FAILURES = 50;
  /** How long an address that signed in to an account stays exempt from that account's lock. */
  @IntSetting({ min: 1 }) LOGIN_KNOWN_CLIENT_DAYS = 30;

  /** How long the link in a verification email works. */
  @IntSetting({ min: 1, max: 720 }) EMAIL_VERIFICATION_TTL_HOURS = 48;
  /** Verification emails a user may ask for again per hour. */
  @IntSetting({ min: 1, max: 100 }) EMAIL_VERIFICATION_RESENDS_PER_HOUR = 5;

  /** How long security activity (sign-ins, password and role changes) is kept. */
  @IntSetting({ min: 1 }) ACTIVITY_RETENTION_DAYS = 365;

  /** The first admin, created at start while no active admin exists. */
  @IsOptional() @IsEmail() BOOTSTRAP_ADMIN_EMAIL?: string = undefined;
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string = undefined;
}
