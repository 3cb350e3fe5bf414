import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '../../src/core/auth/roles.js';
import type { TestApp } from './app.js';
import { grantRole } from './factories/identity.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  role: Role;
}

export const bearer = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${Date.now().toString(36)}.${counter++}.${randomBytes(3).toString('hex')}@example.com`;
}

/** Registers through the API, as a client would. */
export async function registerUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<TestUser> {
  const body = { email: uniqueEmail(), password: 'correct horse battery', firstName: 'Test', lastName: 'User', ...overrides };
  const response = await t.http().post('/api/auth/register').send(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return {
    id: response.body.user.id,
    email: response.body.user.email,
    password: String(body.password),
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    role: 'user',
  };
}

export async function login(t: TestApp, email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await t.http().post('/api/auth/login').send({ email, password });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
}

/**
 * A staff or admin account. The role is granted as an operator grants the first ones (identity's
 * role change, acting as the system); then it signs in to get a token with the role.
 */
export async function userWithRole(t: TestApp, role: Role): Promise<TestUser> {
  const user = await registerUser(t, { firstName: role });
  if (role === 'user') return user;
  await grantRole(t.app, user.id, role);
  const tokens = await login(t, user.email, user.password);
  return { ...user, ...tokens, role };
}
