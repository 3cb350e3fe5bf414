import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { systemContext, type ActorContext, type RequestContext } from '../../../src/core/auth/request-context.js';
import type { Role } from '../../../src/core/auth/roles.js';
import { AccountStatusService } from '../../../src/modules/identity/account-status.service.js';
import { AuthService } from '../../../src/modules/identity/auth.service.js';
import { LoginThrottle } from '../../../src/modules/identity/schemas/login-throttle.schema.js';
import { User } from '../../../src/modules/identity/schemas/user.schema.js';
import { UserActivity } from '../../../src/modules/identity/schemas/user-activity.schema.js';
import { UserSession } from '../../../src/modules/identity/schemas/user-session.schema.js';
import { SessionsService } from '../../../src/modules/identity/sessions.service.js';
import { UsersService } from '../../../src/modules/identity/users.service.js';
import type { TestApp } from '../app.js';
import type { TestUser } from '../auth.js';
import { emailModel } from './mail.js';

export const FACTORY_PASSWORD = 'correct horse battery';
const FACTORY_CLIENT = { ip: '203.0.113.7', userAgent: 'factory' };

/** The request context of a signed-in caller, as the auth guard would build it. */
export const contextOf = (user: { id: string; role?: Role; sessionId?: string }): ActorContext => ({
  actor: { id: user.id, role: user.role ?? 'user', sessionId: user.sessionId ?? new Types.ObjectId().toString() },
  client: FACTORY_CLIENT,
  requestId: `factory-${new Types.ObjectId().toString()}`,
});

/** An anonymous caller of a public route, from an address of its own. */
export const anonymousContext = (ip = FACTORY_CLIENT.ip): RequestContext => ({
  client: { ip, userAgent: 'factory' },
  requestId: `factory-${new Types.ObjectId().toString()}`,
});

export const userModel = (app: INestApplicationContext) => app.get<Model<User>>(getModelToken(User.name));
export const sessionModel = (app: INestApplicationContext) => app.get<Model<UserSession>>(getModelToken(UserSession.name));
export const activityModel = (app: INestApplicationContext) => app.get<Model<UserActivity>>(getModelToken(UserActivity.name));

export interface SignedInAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  ctx: ActorContext;
}

let sequence = 0;
export const factoryEmail = (prefix = 'user') => `${prefix}.${++sequence}.${new Types.ObjectId().toString()}@example.com`;

/**
 * Grants a role the way an operator does for the first staff and admins: through identity's own role
 * change, acting as the system (its sessions are revoked, so tokens with the old role stop).
 */
export async function grantRole(app: INestApplicationContext, userId: string, role: Role): Promise<void> {
  await app.get(UsersService).changeRole(systemContext('factory-role'), userId, role);
}

/** A registered account (through identity's own sign-up) of a role, with no session of its own use. */
export async function account(
  app: INestApplicationContext,
  role: Role = 'user',
  profile: { firstName?: string; lastName?: string; displayName?: string } = { firstName: 'Sam', lastName: role },
): Promise<{ id: string; email: string; role: Role }> {
  const email = factoryEmail(role);
  const { user } = await app.get(AuthService).register(anonymousContext(), { email, password: FACTORY_PASSWORD, ...profile });
  if (role !== 'user') await grantRole(app, user.id, role);
  return { id: user.id, email, role };
}

/** A user of a role, signed in: a live session, its refresh token and an access token carrying the role. */
export async function signedInAccount(app: INestApplicationContext, role: Role = 'user'): Promise<SignedInAccount> {
  const { id, email } = await account(app, role);
  const signedIn = await app.get(AuthService).login(anonymousContext(), { email, password: FACTORY_PASSWORD });
  const sessionId = signedIn.refreshToken.split('.')[0];
  return {
    id,
    email,
    password: FACTORY_PASSWORD,
    role,
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    sessionId,
    ctx: contextOf({ id, role, sessionId }),
  };
}

/** The id of one of the user's live sessions, as the user's own session list shows it. */
export async function sessionIdOf(app: INestApplicationContext, userId: string): Promise<string> {
  const [session] = await app.get(SessionsService).listActive(contextOf({ id: userId }));
  if (!session) throw new Error(`user ${userId} has no live session`);
  return session.id;
}

/** An admin deactivates the account (its sessions end). */
export async function deactivated(app: INestApplicationContext, userId: string, reason = 'factory'): Promise<void> {
  const admin = await account(app, 'admin');
  await app.get(AccountStatusService).change(contextOf(admin), userId, { status: 'deactivated', reason });
}

/** Moves a session's expiry into the past, as if its lifetime had gone by. */
export async function expireSession(app: INestApplicationContext, sessionId: string): Promise<void> {
  await sessionModel(app).updateOne({ _id: new Types.ObjectId(sessionId) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
}

/** Puts a user's owed effects back to pending, as after a crash between running them and marking them done. */
export async function replayUserEffects(app: INestApplicationContext, userId: string): Promise<void> {
  await userModel(app).updateOne(
    { _id: new Types.ObjectId(userId) },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}

/** An effect left owed on a user, as a crash between the change and its delivery leaves it. */
export async function leaveOwed(
  app: INestApplicationContext,
  userId: string,
  effect: { key: string; name: string; payload: Record<string, unknown> },
): Promise<void> {
  await userModel(app).updateOne(
    { _id: new Types.ObjectId(userId) },
    { $push: { effects: { ...effect, state: 'pending', attempts: 0, dueAt: new Date(Date.now() - 1000) } } },
  );
}

/** Moves a user's security activity past its retention, as if ACTIVITY_RETENTION_DAYS had gone by. */
export async function expireActivity(app: INestApplicationContext, userId: string): Promise<void> {
  await activityModel(app).updateMany({ userId: new Types.ObjectId(userId) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
}

export const loginThrottleModel = (app: INestApplicationContext) => app.get<Model<LoginThrottle>>(getModelToken(LoginThrottle.name));

/** The token of the newest verification link mailed to `email`, read from the mail queue as the inbox would show it. */
export async function mailedVerificationToken(app: INestApplicationContext, email: string): Promise<string> {
  const [mail] = await emailModel(app)
    .find({ to: email.toLowerCase(), template: 'verify-email' })
    .sort({ createdAt: -1, _id: -1 })
    .limit(1)
    .lean();
  const token = /\/verify-email\?token=([\w-]+\.[\w-]+\.[\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no verification link mailed to ${email}`);
  return token;
}

/** Follows the verification link mailed to the user, as they would from their inbox. */
export async function verifyEmail(t: TestApp, user: { email: string }): Promise<void> {
  const token = await mailedVerificationToken(t.app, user.email);
  const response = await t.http().post('/api/auth/verify-email').send({ token });
  if (response.status !== 200) throw new Error(`verifying ${user.email} answered ${response.status}: ${JSON.stringify(response.body)}`);
}

/** A user registered through the API who verified their address through the emailed link (what accepting an invite needs). */
export async function verifiedUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<TestUser> {
  const body = { email: factoryEmail('verified'), password: FACTORY_PASSWORD, firstName: 'Vera', lastName: 'Fied', ...overrides };
  const response = await t.http().post('/api/auth/register').send(body);
  if (response.status !== 201) throw new Error(`registering answered ${response.status}: ${JSON.stringify(response.body)}`);
  const user: TestUser = {
    id: response.body.user.id,
    email: response.body.user.email,
    password: String(body.password),
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    role: 'user',
  };
  await verifyEmail(t, user);
  return user;
}

/** Moves the start of the user's hourly verification-resend window back, as if that much time had gone by. */
export async function ageVerificationResends(app: INestApplicationContext, userId: string, byMs: number): Promise<void> {
  const user = await userModel(app).findById(userId, { verificationResendsSince: 1 }).lean();
  if (!user?.verificationResendsSince) throw new Error(`user ${userId} asked for no verification email`);
  await userModel(app).updateOne(
    { _id: new Types.ObjectId(userId) },
    { $set: { verificationResendsSince: new Date(user.verificationResendsSince.getTime() - byMs) } },
  );
}
