import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import type { Actor, Role } from '../../core/auth/roles.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { ActivityService } from './activity.service.js';
import type { UpdateMeDto } from './dto/update-me.dto.js';
import type { PublicUserDto, UserDto } from './dto/user.dto.js';
import type { UserQueryDto } from './dto/user-query.dto.js';
import { toPublicUserDto, toUserDto } from './identity.mapper.js';
import { PasswordHasher } from './password-hasher.js';
import { searchKeysOf, User } from './schemas/user.schema.js';
import { SessionsService } from './sessions.service.js';

export interface UserContact {
  id: string;
  email: string;
  displayName: string;
  timezone: string;
  active: boolean;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly sessions: SessionsService,
    private readonly activity: ActivityService,
    private readonly hasher: PasswordHasher,
  ) {}

  async getMe(actor: Actor): Promise<UserDto> {
    return toUserDto(await this.findOrFail(actor.id));
  }

  async updateMe(actor: Actor, changes: UpdateMeDto, client: ClientInfo): Promise<UserDto> {
    const current = await this.findOrFail(actor.id);
    const $set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes.profile ?? {})) if (value !== undefined) $set[`profile.${key}`] = value;
    for (const [key, value] of Object.entries(changes.preferences ?? {})) if (value !== undefined) $set[`preferences.${key}`] = value;
    if (Object.keys($set).length === 0) return toUserDto(current);
    $set.searchKeys = searchKeysOf(current.email, { ...current.profile, ...changes.profile });
    const updated = await this.users
      .findOneAndUpdate({ _id: current._id }, { $set }, { returnDocument: 'after', runValidators: true })
      .lean<User>();
    if (!updated) throw new NotFoundException('No such user.');
    await this.activity.record(actor.id, 'profile-updated', client, {
      details: { fields: Object.keys($set).filter((k) => k !== 'searchKeys') },
    });
    return toUserDto(updated);
  }

  /** What other contexts need to reach a user: address, name and time zone (undefined for an unknown id). */
  async contactOf(id: string): Promise<UserContact | undefined> {
    const user = await this.users.findById(new Types.ObjectId(id), { email: 1, profile: 1, status: 1 }).lean<User>();
    if (!user) return undefined;
    return {
      id,
      email: user.email,
      displayName: user.profile?.displayName ?? user.profile?.firstName ?? user.email.split('@')[0],
      timezone: user.profile?.timezone ?? 'UTC',
      active: user.status === 'active',
    };
  }

  /** Which of these ids belong to existing users (one query); deleted accounts are no one to reach. */
  async existingIds(ids: string[]): Promise<string[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
    const rows = await this.users
      .find({ _id: trusted({ $in: valid }), status: trusted({ $ne: 'deleted' }) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>();
    return rows.map((row) => row._id.toString());
  }

  /** Ids of every user with a role, in pages (for notifications sent to a role). */
  async idsWithRole(role: Role, afterId: string | undefined, limit: number): Promise<string[]> {
    const filter: Record<string, unknown> = { role, status: trusted({ $ne: 'deleted' }) };
    if (afterId) filter._id = trusted({ $gt: new Types.ObjectId(afterId) });
    const rows = await this.users.find(filter, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean<{ _id: Types.ObjectId }[]>();
    return rows.map((row) => row._id.toString());
  }

  /** A deleted account has no profile left to show. */
  async getPublic(id: string): Promise<PublicUserDto> {
    const user = await this.findOrFail(id);
    if (user.status === 'deleted') throw new NotFoundException('No such user.');
    return toPublicUserDto(user);
  }

  /** Staff directory: optional role filter and name/email prefix, newest first. */
  async list(query: UserQueryDto): Promise<Page<UserDto>> {
    const filter: Record<string, unknown> = {};
    if (query.role) filter.role = query.role;
    if (query.q) filter.searchKeys = new RegExp(`^${escapeRegex(query.q)}`);
    const [items, total] = await Promise.all([
      this.users.find(filter).sort({ createdAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<User[]>(),
      this.users.countDocuments(filter),
    ]);
    return toPage(items.map(toUserDto), total, query);
  }

  /** Admin only. New role applies at the next sign-in: the user's sessions are revoked. */
  async changeRole(actor: Actor, id: string, role: Role, client: ClientInfo): Promise<UserDto> {
    if (actor.id === id) throw new ConflictException('Admins cannot change their own role.');
    const before = await this.findOrFail(id);
    if (before.role === role) return toUserDto(before);
    const updated = await this.users.findOneAndUpdate({ _id: before._id }, { $set: { role } }, { returnDocument: 'after' }).lean<User>();
    if (!updated) throw new NotFoundException('No such user.');
    await this.sessions.revokeAllOf(id, 'role-changed');
    await this.activity.record(id, 'role-changed', client, { actorId: actor.id, details: { from: before.role, to: role } });
    return toUserDto(updated);
  }

  /** Creates the first admin from the environment when no admin exists yet. */
  async ensureAdmin(email: string | undefined, password: string | undefined): Promise<void> {
    if (!email || !password) return;
    if (await this.users.exists({ role: 'admin', status: 'active' })) return;
    const normalized = email.trim().toLowerCase();
    const passwordHash = await this.hasher.hash(password);
    await this.users.updateOne(
      { email: normalized },
      { $set: { role: 'admin', passwordHash }, $setOnInsert: { email: normalized, searchKeys: [normalized] } },
      { upsert: true },
    );
    this.logger.log(`bootstrap admin ${normalized} is ready`);
  }

  private async findOrFail(id: string): Promise<User> {
    const user = await this.users.findById(new Types.ObjectId(id)).lean<User>();
    if (!user) throw new NotFoundException('No such user.');
    return user;
  }
}
