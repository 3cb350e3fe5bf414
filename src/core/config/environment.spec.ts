import { describe, expect, it } from 'vitest';
import { EnvironmentError, validateEnvironment } from './environment.js';

describe('environment validation', () => {
  it('fills safe defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, NODE_ENV: 'development', BODY_LIMIT_BYTES: 1048576, JWT_ACCESS_TTL_SECONDS: 900 });
  });

  it('limits each signed-in user to 600 requests a minute unless told otherwise, and takes 0 as no limit', () => {
    expect(validateEnvironment({})).toMatchObject({ USER_RATE_LIMIT_PER_MINUTE: 600, RATE_LIMIT_WINDOW_SECONDS: 60 });
    const off = validateEnvironment({
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      USER_RATE_LIMIT_PER_MINUTE: '0',
    });
    expect(off).toMatchObject({ AUTH_RATE_LIMIT_PER_MINUTE: 0, PUBLIC_RATE_LIMIT_PER_MINUTE: 0, USER_RATE_LIMIT_PER_MINUTE: 0 });
  });

  it('converts numbers from strings', () => {
    expect(validateEnvironment({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ USER_RATE_LIMIT_PER_MINUTE: '-1' }, 'USER_RATE_LIMIT_PER_MINUTE'],
    [{ USER_RATE_LIMIT_PER_MINUTE: 'lots' }, 'USER_RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_WINDOW_SECONDS: '0' }, 'RATE_LIMIT_WINDOW_SECONDS'],
  ])('stops on %o with one line naming the variable', (raw, variable) => {
    let caught: unknown;
    try {
      validateEnvironment(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvironmentError);
    const message = (caught as Error).message;
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });
});
