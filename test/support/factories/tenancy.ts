import { expect } from 'vitest';
import { getModelToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import { Types, type Model } from 'mongoose';
import { emailModel } from './mail.js';
import type { TestApp } from '../app.js';
import { bearer } from '../auth.js';
import { Invite } from '../../../src/modules/tenancy/schemas/invite.schema.js';
import { Membership } from '../../../src/modules/tenancy/schemas/membership.schema.js';
import { Team } from '../../../src/modules/tenancy/schemas/team.schema.js';
import { TeamMember } from '../../../src/modules/tenancy/schemas/team-member.schema.js';
import { Tenant } from '../../../src/modules/tenancy/schemas/tenant.schema.js';
import type { TenantRole } from '../../../src/modules/tenancy/tenant-roles.js';

type Caller = { accessToken: string };
type Someone = { id: string };

export const tenantModel = (app: INestApplicationContext) => app.get<Model<Tenant>>(getModelToken(Tenant.name));
export const membershipModel = (app: INestApplicationContext) => app.get<Model<Membership>>(getModelToken(Membership.name));
export const inviteModel = (app: INestApplicationContext) => app.get<Model<Invite>>(getModelToken(Invite.name));
export const teamModel = (app: INestApplicationContext) => app.get<Model<Team>>(getModelToken(Team.name));
export const teamMemberModel = (app: INestApplicationContext) => app.get<Model<TeamMember>>(getModelToken(TeamMember.name));

let sequence = 0;

/** A tenant created through the API by `owner`, who becomes its first owner. */
export async function createTenant(
  t: TestApp,
  owner: Caller,
  overrides: { name?: string; slug?: string; settings?: Record<string, unknown> } = {},
): Promise<{ id: string; slug: string }> {
  const response = await t
    .http()
    .post('/api/tenants')
    .set(bearer(owner))
    .send({ name: `Tenant ${++sequence} ${Date.now().toString(36)}`, ...overrides });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id, slug: response.body.slug };
}

/** Adds an existing user to the tenant through the API, as its owner (or an admin) would. */
export async function addMember(t: TestApp, tenantId: string, owner: Caller, user: Someone, role: TenantRole = 'member'): Promise<void> {
  const response = await t.http().post(`/api/tenants/${tenantId}/members`).set(bearer(owner)).send({ userId: user.id, role });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

/** The token of the newest invitation emailed to `email`, read from the mail queue as the invitee's inbox would show it. */
export async function mailedInviteToken(t: TestApp, email: string): Promise<string> {
  const [mail] = await emailModel(t.app)
    .find({ to: email.toLowerCase(), template: 'tenant-invite' })
    .sort({ createdAt: -1, _id: -1 })
    .limit(1)
    .lean();
  const token = /token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation emailed to ${email}`);
  return token;
}

/** Invites `email` through the API as a manager; answers the invite's id. */
export async function invite(t: TestApp, tenantId: string, manager: Caller, email: string, role: TenantRole = 'member'): Promise<string> {
  const response = await t.http().post(`/api/tenants/${tenantId}/invites`).set(bearer(manager)).send({ email, role });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/** Moves an invite's expiry into the past, as if its lifetime had gone by. */
export async function expireInvite(app: INestApplicationContext, tenantId: string, inviteId: string): Promise<void> {
  await inviteModel(app).updateOne(
    { tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(inviteId) },
    { $set: { expiresAt: new Date(Date.now() - 1000) } },
  );
}
