import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { FAVORITE_TYPES, FOLDER_MAX, ITEM_ID_MAX, NOTES_MAX, TITLE_MAX, type FavoriteType } from '../favorite-fields.js';

@Schema({ collection: 'userfavorites', timestamps: true })
export class UserFavorite {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: FAVORITE_TYPES, required: true }) type: FavoriteType;
  @Prop({ required: true, maxlength: ITEM_ID_MAX }) itemId: string;
  @Prop({ maxlength: TITLE_MAX }) title?: string;
  /** Small string map the client keeps with the item (its icon, its category); bounded by the request DTO. */
  @Prop({ type: Object, default: {} }) metadata: Record<string, string>;
  /** The folder as the user spelled it first. */
  @Prop({ maxlength: FOLDER_MAX }) folder?: string;
  /** The folder's identity (lower case): folders are unique per user whatever the case. */
  @Prop({ maxlength: FOLDER_MAX }) folderKey?: string;
  @Prop({ maxlength: NOTES_MAX }) notes?: string;
  @Prop({ default: 0, min: 0 }) usageCount: number;
  @Prop() lastUsedAt?: Date;
  /** The later of creation and last use: what "recent" sorts by. */
  @Prop({ required: true }) recentAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type UserFavoriteDocument = HydratedDocument<UserFavorite>;
export const UserFavoriteSchema = SchemaFactory.createForClass(UserFavorite);

// POST /api/favorites: one favorite per user and item; GET /api/favorites/check/:userId/:type/:itemId and
// DELETE /api/favorites/:userId/:type/:itemId read exactly these keys.
UserFavoriteSchema.index({ userId: 1, type: 1, itemId: 1 }, { unique: true });
// GET /api/favorites/user/:userId?sort=recent: last used or added first.
UserFavoriteSchema.index({ userId: 1, recentAt: -1, _id: -1 });
// GET /api/favorites/user/:userId?sort=most-used: most used first.
UserFavoriteSchema.index({ userId: 1, usageCount: -1, _id: -1 });
// GET /api/favorites/user/:userId?type=&sort=recent (most-used sorts the one user's items of the type in memory).
UserFavoriteSchema.index({ userId: 1, type: 1, recentAt: -1, _id: -1 });
// GET /api/favorites/user/:userId?folder=, the folder list's grouping, and renaming or deleting a folder.
UserFavoriteSchema.index({ userId: 1, folderKey: 1, recentAt: -1, _id: -1 });
