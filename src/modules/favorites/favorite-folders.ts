import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { folderKeyOf, normalizeFolder } from './favorite-fields.js';
import { UserFavorite } from './schemas/user-favorite.schema.js';

/** A folder as written on a favorite: its shown name and its identity. */
export interface FolderFields {
  folder: string;
  folderKey: string;
}

/** Folder names: one folder per name whatever the case, shown as the user first spelled it. */
@Injectable()
export class FavoriteFolders {
  constructor(@InjectModel(UserFavorite.name) private readonly favorites: Model<UserFavorite>) {}

  /** The fields for putting an item in folder `name`: an existing folder keeps its spelling ("work" joins "Work"). */
  async resolve(userId: Types.ObjectId, name: string): Promise<FolderFields> {
    const folderKey = folderKeyOf(name);
    const existing = await this.favorites.findOne({ userId, folderKey }, { folder: 1 }).lean<Pick<UserFavorite, 'folder'>>();
    return { folder: existing?.folder ?? normalizeFolder(name), folderKey };
  }
}
