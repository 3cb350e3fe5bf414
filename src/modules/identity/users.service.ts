import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import type { Role } from '../../core/auth/roles.js';
import { compact, findPage } from '../../core/database/find-page.js';
import { findOneLean } from '../../core/database/lean-reads.js';
import { AuditTrail } from '../audit/index.js';
import type { Page } from '../../core/http/pagination.js';
import { ActivityService } from './activity.service.js';
import type { UpdateMeDto } from './dto/update-me.dto.js';
import type { PublicUserDto, UserDto } from './dto/user.dto.js';
import type { UserQueryDto } from './dto/user-query.dto.js';
import { toPublicUserDto, toUserDto } from './identity.mapper.js';
import { PasswordHasher } from './password-hasher.js';
import { searchKeysOf, User } from './schemas/user.schema.js';
import { SessionsService } from './sessions.service.js';

/** The account routes: the caller's own account, public profiles, the staff list and roles. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly sessions: SessionsService,
    private readonly activity: ActivityService,
    private readonly hasher: PasswordHasher,
    private readonly policy: PermissionPolicy,
    private readonly audit: AuditTrail,
  ) {}

  async getMe(ctx: ActorContext): Promise<UserDto> {
    this.policy.require(ctx, 'account.own');
    return toUserDto(await this.findOrFail(ctx.actor.id));
  }

  async updateMe(ctx: ActorContext, changes: UpdateMeDto): Promise<UserDto> {
    this.policy.require(ctx, 'account.own');
    const current = await this.findOrFail(ctx.actor.id);
    const $set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes.profile ?? {})) if (value !== undefined) $set[`profile.${key}`] = value;
    for (const [key, value] of Object.entries(changes.preferences ?? {})) if (value !== undefined) $set[`preferences.${key}`] = value;
    if (Object.keys($set).length === 0) return toUserDto(current);
    $set.searchKeys = searchKeysOf(current.email, { ...current.profile, ...changes.profile });
    const updated = await this.users
      .findOneAndUpdate({ _id: current._id }, { $set }, { returnDocument: 'after', runValidators: true })
      .lean<User>();
    if (!updated) throw new NotFoundException('No such user.');
    await this.activity.record(ctx, ctx.actor.id, 'profile-updated', { fields: Object.keys($set).filter((k) => k !== 'searchKeys') });
    return toUserDto(updated);
  }

  /** A deleted account has no profile left to show. */
  async getPublic(ctx: RequestContext, id: string): Promise<PublicUserDto> {
    this.policy.require(ctx, 'user.profile');
    const user = await this.findOrFail(id);
    if (user.status === 'deleted') throw new NotFoundException('No such user.');
    return toPublicUserDto(user);
  }

  /** Staff directory: optional role filter and name/email prefix, newest first. */
  async list(ctx: RequestContext, query: UserQueryDto): Promise<Page<UserDto>> {
    this.policy.require(ctx, 'user.list');
    // A prefix as a range on the index, not a regex: a pattern cannot hold every character a name may (NUL).
    const filter = compact({ role: query.role, searchKeys: query.q ? trusted({ $gte: query.q, $lt: `${query.q}\u{10FFFF}` }) : undefined });
    return findPage(this.users, filter, query, toUserDto, { createdAt: -1 });
  }

  /** Admin (or an operator acting as the system). New role applies at the next sign-in: the user's sessions are revoked. */
  async changeRole(ctx: RequestContext, id: string, role: Role): Promise<UserDto> {
    this.policy.require(ctx, 'user.role');
    if (ctx.actor?.id === id) throw new ConflictException('Admins cannot change their own role.');
    const before = await this.findOrFail(id);
    if (before.role === role) return toUserDto(before);
    const updated = await this.users.findOneAndUpdate({ _id: before._id }, { $set: { role } }, { returnDocument: 'after' }).lean<User>();
    if (!updated) throw new NotFoundException('No such user.');
    await this.sessions.revokeAllOf(id, 'role-changed');
    await this.activity.record(ctx, id, 'role-changed', { from: before.role, to: role });
    await this.audit.record(ctx, { action: 'user.role-changed', targetType: 'user', targetId: id, before, after: updated });
    return toUserDto(updated);
  }

  /** Creates the first admin from the environment when no admin exists yet. */
  async ensureAdmin(ctx: RequestContext, email: string | undefined, password: string | undefined): Promise<void> {
    this.policy.require(ctx, 'identity.bootstrap');
    if (!email || !password) return;
    if (await this.users.exists({ role: 'admin', status: 'active' })) return;
    const normalized = email.trim().toLowerCase();
    const passwordHash = await this.hasher.hash(password);
    await this.users.updateOne(
      { email: normalized },
      // The operator chose this address in the deployment's own configuration: it needs no mailed proof.
      { $set: { role: 'admin', passwordHash }, $setOnInsert: { email: normalized, searchKeys: [normalized], emailVerifiedAt: new Date() } },
      { upsert: true },
    );
    this.logger.log(`bootstrap admin ${normalized} is ready`);
  }

  private async findOrFail(id: string): Promise<User> {
    const user = await findOneLean(this.users, { _id: new Types.ObjectId(id) });
    if (!user) throw new NotFoundException('No such user.');
    return user;
  }
}
