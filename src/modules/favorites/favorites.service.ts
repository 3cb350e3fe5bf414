import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact, findPage } from '../../core/database/find-page.js';
import { findOneLean } from '../../core/database/lean-reads.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import type { CreateFavoriteDto, UpdateFavoriteDto } from './dto/favorite-input.dto.js';
import type { FavoriteListQueryDto } from './dto/favorite-query.dto.js';
import type { FavoriteCheckDto, FavoriteDto } from './dto/favorite.dto.js';
import { requireOwnerChange } from './favorite-access.js';
import { folderKeyOf, type FavoriteType } from './favorite-fields.js';
import { FavoriteFolders } from './favorite-folders.js';
import { FavoriteSlots } from './favorite-slots.js';
import { toFavoriteDto } from './favorite.mapper.js';
import { FavoritesConfig } from './favorites.config.js';
import { UserFavorite } from './schemas/user-favorite.schema.js';

const UNIQUE_ITEM = ['userId', 'type', 'itemId'];

/** The outcome of an add: the favorite, and whether this call created it (201) or found it already there (200). */
export interface Added {
  favorite: FavoriteDto;
  created: boolean;
}

const actorId = (ctx: RequestContext): string => ctx.actor!.id;

/** A user's favorites: added once per item, counted as they are used, filed in folders. */
@Injectable()
export class FavoritesService {
  constructor(
    @InjectModel(UserFavorite.name) private readonly favorites: Model<UserFavorite>,
    private readonly policy: PermissionPolicy,
    private readonly slots: FavoriteSlots,
    private readonly folders: FavoriteFolders,
    private readonly config: FavoritesConfig,
  ) {}

  /**
   * Adding an item that is already a favorite answers the existing one (like pressing a star twice), so a
   * double click or a retried request is harmless; only a new favorite takes one of the user's slots.
   */
  async add(ctx: RequestContext, input: CreateFavoriteDto): Promise<Added> {
    const owner = input.userId ?? actorId(ctx);
    this.policy.requireOn(ctx, 'favorite.create', { ownerId: owner }, 'user');
    const userId = new Types.ObjectId(owner);
    const key = { userId, type: input.type, itemId: input.itemId };
    const existing = await this.favorites.findOne(key).lean<UserFavorite>();
    if (existing) return { favorite: toFavoriteDto(existing), created: false };
    if (!(await this.slots.take(userId, this.config.FAVORITES_MAX_PER_USER)))
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'favorites-limit',
        'Too many favorites',
        `A user keeps at most ${this.config.FAVORITES_MAX_PER_USER} favorites; remove one first.`,
        { limit: this.config.FAVORITES_MAX_PER_USER },
      );
    try {
      const now = new Date();
      const created = await this.favorites.create({
        ...key,
        title: input.title,
        metadata: input.metadata ?? {},
        notes: input.notes,
        ...(input.folder ? await this.folders.resolve(userId, input.folder) : {}),
        recentAt: now,
      });
      return { favorite: toFavoriteDto(created.toObject()), created: true };
    } catch (error) {
      await this.slots.giveBack(userId);
      if (!isDuplicateKeyOn(error, UNIQUE_ITEM)) throw error;
      // A concurrent add of the same item won: this one answers what it stored.
      const winner = await this.favorites.findOne(key).lean<UserFavorite>();
      if (!winner) throw error;
      return { favorite: toFavoriteDto(winner), created: false };
    }
  }

  async listForUser(ctx: RequestContext, userId: string, query: FavoriteListQueryDto): Promise<Page<FavoriteDto>> {
    this.policy.requireOn(ctx, 'favorite.read', { ownerId: userId }, 'user');
    const filter = compact({
      userId: new Types.ObjectId(userId),
      type: query.type,
      folderKey: query.folder === undefined ? undefined : folderKeyOf(query.folder),
    }) as QueryFilter<UserFavorite>;
    const sort: Record<string, -1> = query.sort === 'most-used' ? { usageCount: -1 } : { recentAt: -1 };
    return findPage(this.favorites, filter, query, toFavoriteDto, sort);
  }

  /** Asked on every item render: one lookup on the unique index, reading the id only. */
  async check(ctx: RequestContext, userId: string, type: FavoriteType, itemId: string): Promise<FavoriteCheckDto> {
    this.policy.requireOn(ctx, 'favorite.read', { ownerId: userId }, 'user');
    const found = await findOneLean(this.favorites, { userId: new Types.ObjectId(userId), type, itemId }, { _id: 1 });
    return found ? { favorited: true, favoriteId: found._id.toString() } : { favorited: false };
  }

  async update(ctx: RequestContext, favoriteId: string, input: UpdateFavoriteDto): Promise<FavoriteDto> {
    const owner = await this.ownerFor(ctx, favoriteId);
    const set: Record<string, unknown> = compact({ title: input.title, metadata: input.metadata, notes: input.notes ?? undefined });
    const unset: Record<string, 1> = {};
    if (input.notes === null) unset.notes = 1;
    if (input.folder === null) Object.assign(unset, { folder: 1, folderKey: 1 });
    else if (input.folder !== undefined) Object.assign(set, await this.folders.resolve(owner, input.folder));
    const update: UpdateQuery<UserFavorite> = { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) };
    const updated = await this.favorites
      .findOneAndUpdate({ _id: new Types.ObjectId(favoriteId) }, update, { returnDocument: 'after' })
      .lean<UserFavorite>();
    if (!updated) throw new NotFoundException('No such favorite.');
    return toFavoriteDto(updated);
  }

  async remove(ctx: RequestContext, userId: string, type: FavoriteType, itemId: string): Promise<void> {
    this.policy.requireOn(ctx, 'favorite.read', { ownerId: userId }, 'user');
    requireOwnerChange(this.policy, ctx, userId);
    const owner = new Types.ObjectId(userId);
    const removed = await this.favorites.findOneAndDelete({ userId: owner, type, itemId }, { projection: { _id: 1 } }).lean();
    if (!removed) throw new NotFoundException('No such favorite.');
    await this.slots.giveBack(owner);
  }

  /** One more use: an atomic increment, so concurrent uses all count. */
  async use(ctx: RequestContext, favoriteId: string): Promise<FavoriteDto> {
    await this.ownerFor(ctx, favoriteId);
    const now = new Date();
    const used = await this.favorites
      .findOneAndUpdate(
        { _id: new Types.ObjectId(favoriteId) },
        { $inc: { usageCount: 1 }, $set: { lastUsedAt: now, recentAt: now } },
        { returnDocument: 'after' },
      )
      .lean<UserFavorite>();
    if (!used) throw new NotFoundException('No such favorite.');
    return toFavoriteDto(used);
  }

  /** A deleted user's favorites and their tally. */
  async eraseUser(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'favorite.erase');
    const owner = new Types.ObjectId(userId);
    await this.favorites.deleteMany({ userId: owner });
    await this.slots.erase(owner);
  }

  /** The favorite's owner, for a caller who may change it: someone else's is 404, staff (who may read) 403. */
  private async ownerFor(ctx: RequestContext, favoriteId: string): Promise<Types.ObjectId> {
    const found = await this.favorites.findById(new Types.ObjectId(favoriteId), { userId: 1 }).lean<Pick<UserFavorite, 'userId'>>();
    this.policy.requireOn(ctx, 'favorite.read', found ? { ownerId: found.userId } : {}, 'favorite');
    if (!found) throw new NotFoundException('No such favorite.');
    requireOwnerChange(this.policy, ctx, found.userId);
    return found.userId;
  }
}
