import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import type { Role } from '../../core/auth/roles.js';
import { findLean, findOneLean } from '../../core/database/lean-reads.js';
import { publicNameOf, salutationOf } from './identity.mapper.js';
import { User } from './schemas/user.schema.js';

/** The account's address and whether its owner proved they receive mail there. */
export type VerifiedEmail = {
  email: string;
  verified: boolean;
};

/** How other contexts reach a user. */
export type UserContact = {
  id: string;
  email: string;
  /** How to address them in a message: the name they gave, else the address's local part. */
  name: string;
  /** The name they chose to show others; absent when they gave none (never derived from the address). */
  publicName?: string;
  locale: string;
  timezone: string;
  phone?: string;
};

const CONTACT_FIELDS = { email: 1, profile: 1 } as const;
const MAX_BATCH = 1000;

const objectIds = (ids: readonly string[]) =>
  [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));

/** A deleted account is a tombstone: no one to reach, no role, not there. */
const LIVE = { status: trusted({ $ne: 'deleted' as const }) };
/** Only an active account is written to: a deactivated one keeps its data but receives nothing. */
const REACHABLE = { status: 'active' as const };

function toContact(user: User): UserContact {
  const profile = user.profile;
  const publicName = publicNameOf(profile);
  return {
    id: user._id.toString(),
    email: user.email,
    name: salutationOf(user),
    ...(publicName ? { publicName } : {}),
    locale: profile?.locale ?? 'en',
    timezone: profile?.timezone ?? 'UTC',
    ...(profile?.phone ? { phone: profile.phone } : {}),
  };
}

/**
 * What other contexts may ask identity about users: who they are and how to reach them, and (for
 * entitlements, as the user's own subscriptions change) the personal plan. Nothing here acts for a
 * caller, so it takes no request context (the asking context checked its own rules).
 */
@Injectable()
export class UserDirectory {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  /** Undefined for an unknown id, a deactivated or a deleted account. */
  async contactOf(id: string): Promise<UserContact | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const user = await findOneLean(this.users, { _id: new Types.ObjectId(id), ...REACHABLE }, CONTACT_FIELDS);
    return user ? toContact(user) : undefined;
  }

  /** One query for many; ids with no one to reach are absent from the map. */
  async contactsOf(ids: readonly string[]): Promise<Map<string, UserContact>> {
    const found = await findLean(this.users, { _id: trusted({ $in: objectIds(ids) }), ...REACHABLE }, { projection: CONTACT_FIELDS });
    return new Map(found.map((user) => [user._id.toString(), toContact(user)]));
  }

  /** Undefined for an unknown id, a deactivated or a deleted account. */
  async emailOf(id: string): Promise<VerifiedEmail | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const user = await this.users
      .findOne({ _id: new Types.ObjectId(id), ...REACHABLE }, { email: 1, emailVerifiedAt: 1 })
      .lean<Pick<User, 'email' | 'emailVerifiedAt'>>();
    return user ? { email: user.email, verified: user.emailVerifiedAt != null } : undefined;
  }

  async exists(id: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(id)) return false;
    return (await this.users.exists({ _id: new Types.ObjectId(id), ...LIVE })) !== null;
  }

  async roleOf(id: string): Promise<Role | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const user = await findOneLean(this.users, { _id: new Types.ObjectId(id), ...LIVE }, { role: 1 });
    return user?.role;
  }

  /**
   * Ids of the reachable users with a role, a batch at a time in _id order (index role_1__id_1):
   * pass the last id of a batch as `after` for the next; an empty batch is the end.
   */
  async idsByRole(role: Role, options: { after?: string; limit: number }): Promise<string[]> {
    const limit = Math.min(Math.max(1, Math.floor(options.limit)), MAX_BATCH);
    const after =
      options.after && Types.ObjectId.isValid(options.after) ? { _id: trusted({ $gt: new Types.ObjectId(options.after) }) } : {};
    const rows = await this.users
      .find({ role, ...REACHABLE, ...after }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>();
    return rows.map((row) => row._id.toString());
  }

  /** The user's personal plan (free unless a subscription set another); undefined for an unknown or deleted account. */
  async planOf(id: string): Promise<string | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const user = await findOneLean(this.users, { _id: new Types.ObjectId(id), ...LIVE }, { plan: 1 });
    return user ? (user.plan ?? 'free') : undefined;
  }

  /** Sets the personal plan; idempotent, and a deleted account keeps none. */
  async setPlan(id: string, planKey: string): Promise<void> {
    if (!Types.ObjectId.isValid(id)) return;
    await this.users.updateOne({ _id: new Types.ObjectId(id), ...LIVE }, { $set: { plan: planKey } });
  }

  /** The account registered with this address (exact, on the normalized address), deleted ones aside. */
  async findIdByEmail(email: string): Promise<string | undefined> {
    const user = await findOneLean(this.users, { email: email.trim().toLowerCase(), ...LIVE }, { _id: 1 });
    return user?._id.toString();
  }
}
