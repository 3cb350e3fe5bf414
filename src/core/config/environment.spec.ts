import { describe, expect, it } from 'vitest';
import { EnvironmentError, validateEnvironment } from './environment.js';

describe('environment validation', () => {
  it('fills safe defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, NODE_ENV: 'development', BODY_LIMIT_BYTES: 1048576, JWT_ACCESS_TTL_SECONDS: 900 });
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
