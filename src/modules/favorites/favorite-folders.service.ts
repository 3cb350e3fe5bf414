import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { FolderDto, FolderListDto } from './dto/favorite.dto.js';
import { requireOwnerChange } from './favorite-access.js';
import { folderKeyOf, normalizeFolder } from './favorite-fields.js';
import { FavoriteFolders } from './favorite-folders.js';
import { UserFavorite } from './schemas/user-favorite.schema.js';

interface FolderGroup {
  _id: string | null;
  name: string | null;
  count: number;
}

/** A user's folders: listed with their counts, renamed and removed as a whole. */
@Injectable()
export class FavoriteFoldersService {
  constructor(
    @InjectModel(UserFavorite.name) private readonly favorites: Model<UserFavorite>,
    private readonly policy: PermissionPolicy,
    private readonly folders: FavoriteFolders,
  ) {}

  async list(ctx: RequestContext, userId: string): Promise<FolderListDto> {
    this.policy.requireOn(ctx, 'favorite.read', { ownerId: userId }, 'user');
    const groups = await this.favorites.aggregate<FolderGroup>([
      { $match: { userId: new Types.ObjectId(userId) } },
      { $group: { _id: '$folderKey', name: { $first: '$folder' }, count: { $sum: 1 } } },
    ]);
    const filed = groups.filter((group): group is FolderGroup & { _id: string } => typeof group._id === 'string');
    return {
      items: filed
        .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
        .map((group) => ({ name: group.name ?? group._id, count: group.count })),
      unfiled: groups.filter((group) => typeof group._id !== 'string').reduce((sum, group) => sum + group.count, 0),
    };
  }

  /** Moves every item of the folder to `name`; a folder of that name already there takes them in. */
  async rename(ctx: RequestContext, userId: string, folder: string, name: string): Promise<FolderDto> {
    this.policy.requireOn(ctx, 'favorite.read', { ownerId: userId }, 'user');
    requireOwnerChange(this.policy, ctx, userId);
    const owner = new Types.ObjectId(userId);
    const from = folderKeyOf(folder);
    // Renaming to another case of the same name respells the folder; another name may join an existing folder.
    const to = folderKeyOf(name) === from ? { folder: normalizeFolder(name), folderKey: from } : await this.folders.resolve(owner, name);
    const moved = await this.favorites.updateMany({ userId: owner, folderKey: from }, { $set: to });
    if (moved.matchedCount === 0) throw new NotFoundException('No such folder.');
    return { name: to.folder, count: await this.favorites.countDocuments({ userId: owner, folderKey: to.folderKey }) };
  }

  /** Deleting a folder keeps its favorites, in no folder. */
  async remove(ctx: RequestContext, userId: string, folder: string): Promise<void> {
    this.policy.requireOn(ctx, 'favorite.read', { ownerId: userId }, 'user');
    requireOwnerChange(this.policy, ctx, userId);
    const unfiled = await this.favorites.updateMany(
      { userId: new Types.ObjectId(userId), folderKey: folderKeyOf(folder) },
      { $unset: { folder: 1, folderKey: 1 } },
    );
    if (unfiled.matchedCount === 0) throw new NotFoundException('No such folder.');
  }
}
