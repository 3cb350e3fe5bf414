import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { hashInviteToken, pendingKeyOf } from '../../modules/tenancy/invite-tokens.js';
import { Invite } from '../../modules/tenancy/schemas/invite.schema.js';
import { Membership } from '../../modules/tenancy/schemas/membership.schema.js';
import { Team } from '../../modules/tenancy/schemas/team.schema.js';
import { TeamMember } from '../../modules/tenancy/schemas/team-member.schema.js';
import { Tenant } from '../../modules/tenancy/schemas/tenant.schema.js';
import { slugFromName } from '../../modules/tenancy/slug.js';
import type { TenantRole } from '../../modules/tenancy/tenant-roles.js';
import type { SeedProgress } from '../seed-progress.js';

const DAY_MS = 86_400_000;
const PEOPLE_POOL = 500;
const TEAM_NAMES = ['Sales', 'Support', 'Engineering', 'Marketing', 'Operations', 'Success'];

/** Ids derive from what they are, so a rerun finds every document and inserts nothing. */
const seededId = (kind: string, ...parts: (number | string)[]) =>
  new Types.ObjectId(
    createHash('sha256')
      .update(`seed-${kind}:${parts.join(':')}`)
      .digest('hex')
      .slice(0, 24),
  );

const model = <T>(app: INestApplicationContext, name: string) => app.get<Model<T>>(getModelToken(name));

/**
 * `--tenants N`: tenants owned by the demo user and seeded users, each with an admin, a few members
 * and a viewer, two teams and a couple of pending invites (their tokens are never known: they only
 * show in the tenant's invite list). Answers how many tenants were new.
 */
export async function seedTenancy(app: INestApplicationContext, count: number, progress: SeedProgress): Promise<number> {
  if (!Number.isInteger(count) || count < 0) throw new Error('--tenants takes a whole number');
  if (count === 0) return 0;
  const users = model<User>(app, User.name);
  const demo = await users.find({ email: 'user@atrium.test' }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
  const others = await users
    .find({ role: 'user', status: 'active', email: trusted({ $ne: 'user@atrium.test' }) }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(PEOPLE_POOL)
    .lean<{ _id: Types.ObjectId }[]>();
  const people = [...demo, ...others].map((user) => user._id);
  if (people.length === 0) return 0;

  progress.start('tenants', count);
  const tenants: object[] = [];
  const memberships: object[] = [];
  const teams: object[] = [];
  const teamMembers: object[] = [];
  const invites: object[] = [];
  for (let index = 0; index < count; index++) {
    faker.seed(20_000 + index);
    const tenantId = seededId('tenant', index);
    const createdAt = new Date(Date.now() - faker.number.int({ min: 5, max: 365 }) * DAY_MS);
    const owner = people[index % people.length];
    const crew = faker.helpers
      .arrayElements(
        people.filter((id) => !id.equals(owner)),
        Math.min(people.length - 1, faker.number.int({ min: 2, max: 6 })),
      )
      .map((userId, position): { userId: Types.ObjectId; role: TenantRole } => ({
        userId,
        role: position === 0 ? 'admin' : position === 1 ? 'viewer' : 'member',
      }));
    const roster = [{ userId: owner, role: 'owner' as TenantRole }, ...crew];
    const name = faker.company.name().slice(0, 120);
    tenants.push({
      _id: tenantId,
      name,
      slug: `${slugFromName(name, () => 'co').slice(0, 40)}-${index}`,
      planKey: faker.helpers.weightedArrayElement([
        { value: 'free', weight: 6 },
        { value: 'pro', weight: 3 },
        { value: 'enterprise', weight: 1 },
      ]),
      active: true,
      settings: { timezone: faker.helpers.arrayElement(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo']), locale: 'en' },
      createdBy: owner,
      ownerCount: 1,
      memberCount: roster.length,
      createdAt,
      updatedAt: createdAt,
    });
    roster.forEach(({ userId, role }, position) => {
      const joinedAt = new Date(createdAt.getTime() + position * DAY_MS);
      memberships.push({
        _id: seededId('membership', index, position),
        tenantId,
        userId,
        role,
        joinedAt,
        ...(position > 0 ? { invitedBy: owner } : {}),
        createdAt: joinedAt,
        updatedAt: joinedAt,
      });
    });
    for (const [position, teamName] of faker.helpers.arrayElements(TEAM_NAMES, 2).entries()) {
      const teamId = seededId('team', index, position);
      teams.push({
        _id: teamId,
        tenantId,
        name: teamName,
        nameKey: teamName.toLowerCase(),
        createdBy: owner,
        createdAt,
        updatedAt: createdAt,
      });
      roster.slice(position, position + 3).forEach(({ userId }, slot) =>
        teamMembers.push({
          _id: seededId('teammember', index, position, slot),
          tenantId,
          teamId,
          userId,
          role: slot === 0 ? 'lead' : 'member',
          addedBy: owner,
          createdAt,
          updatedAt: createdAt,
        }),
      );
    }
    for (let slot = 0; slot < 2; slot++) {
      const email = `invitee.${index}.${slot}@example.com`;
      const sentAt = new Date(Date.now() - faker.number.int({ min: 0, max: 48 }) * 3_600_000);
      invites.push({
        _id: seededId('invite', index, slot),
        tenantId,
        email,
        role: slot === 0 ? 'member' : 'viewer',
        tokenHash: hashInviteToken(seededId('invite-token', index, slot).toString()),
        invitedBy: owner,
        status: 'pending',
        pendingKey: pendingKeyOf(tenantId.toString(), email),
        expiresAt: new Date(sentAt.getTime() + 72 * 3_600_000),
        sendCount: 1,
        mailOwedAt: sentAt,
        audit: [auditEntry(null, 'pending', { trigger: 'participant', source: 'seed' }, sentAt)],
        createdAt: sentAt,
        updatedAt: sentAt,
      });
    }
    progress.advance(1);
  }
  const inserted = await insertManySkippingDuplicates(model<Tenant>(app, Tenant.name), tenants, { timestamps: false });
  await insertManySkippingDuplicates(model<Membership>(app, Membership.name), memberships, { timestamps: false });
  await insertManySkippingDuplicates(model<Team>(app, Team.name), teams, { timestamps: false });
  await insertManySkippingDuplicates(model<TeamMember>(app, TeamMember.name), teamMembers, { timestamps: false });
  await insertManySkippingDuplicates(model<Invite>(app, Invite.name), invites, { timestamps: false });
  progress.stop();
  return inserted;
}
