import { describe, expect, it } from 'vitest';
import { LoginThrottleSchema } from './login-throttle.schema.js';
import { UserSchema } from './user.schema.js';
import { UserActivitySchema } from './user-activity.schema.js';
import { UserSessionSchema } from './user-session.schema.js';

/** Index declarations are checked here on every server, including ones that ignore TTL. */
describe('identity index declarations', () => {
  it('makes email unique on users', () => {
    expect(UserSchema.indexes()).toContainEqual([{ email: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('backs the staff list filters and sort', () => {
    expect(UserSchema.indexes().map(([keys]) => keys)).toEqual(
      expect.arrayContaining([{ role: 1, createdAt: -1, _id: -1 }, { createdAt: -1, _id: -1 }, { searchKeys: 1 }]),
    );
  });

  it('expires refresh sessions, activity and login counters by TTL at their expiresAt', () => {
    for (const schema of [UserSessionSchema, UserActivitySchema, LoginThrottleSchema]) {
      expect(schema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]);
    }
  });

  it('backs "my sessions" and "my activity"', () => {
    expect(UserSessionSchema.indexes().map(([keys]) => keys)).toContainEqual({ userId: 1, revokedAt: 1, lastSeenAt: -1 });
    expect(UserActivitySchema.indexes().map(([keys]) => keys)).toContainEqual({ userId: 1, createdAt: -1, _id: -1 });
  });

  it('finds sign-in counters by key and erases an account’s together', () => {
    expect(LoginThrottleSchema.indexes()).toContainEqual([{ key: 1 }, expect.objectContaining({ unique: true })]);
    expect(LoginThrottleSchema.indexes().map(([keys]) => keys)).toContainEqual({ account: 1 });
  });

  it('lets the relay find users owing erasure effects', () => {
    expect(UserSchema.indexes().map(([keys]) => keys)).toContainEqual({ 'effects.state': 1, 'effects.dueAt': 1 });
  });

  it('never selects the password hash by default', () => {
    expect(UserSchema.path('passwordHash').options.select).toBe(false);
  });
});
