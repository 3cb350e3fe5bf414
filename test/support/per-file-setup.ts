import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

// Every test file gets a database of its own on the shared server.
const databaseName = `atrium_test_${randomBytes(6).toString('hex')}`;
process.env.MONGODB_URI = withDatabase(inject('mongoUri'), databaseName);
process.env.MONGODB_DB_NAME = databaseName;
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.MONGODB_SERVER_SELECTION_TIMEOUT_MS ??= '2000';
// Rate limits are tested in their own file with low values; elsewhere they stay out of the way.
process.env.AUTH_RATE_LIMIT_PER_MINUTE ??= '100000';
process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ??= '100000';
process.env.USER_RATE_LIMIT_PER_MINUTE ??= '100000';
// Scheduled jobs stay off unless a test turns them on; tests drive the workers themselves.
process.env.JOBS_ENABLED ??= 'false';
// Every body and query the fast validation verdict accepts is judged by class-validator too.
process.env.VALIDATION_CROSS_CHECK = 'true';
process.env.JWT_SECRET ??= 'test-secret-that-is-long-enough-0123456789';

export function withDatabase(uri: string, database: string): string {
  const url = new URL(uri);
  url.pathname = `/${database}`;
  return url.toString();
}
