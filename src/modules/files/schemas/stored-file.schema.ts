import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { FILE_PURPOSES, type FilePurpose } from '../file-purposes.js';
import { MAX_FILE_NAME } from '../file-name.js';

/** One uploaded file: who uploaded it, what for, and where its bytes are kept. */
@Schema({ collection: 'files', timestamps: { createdAt: true, updatedAt: false } })
export class StoredFile {
  _id: Types.ObjectId;
  /** Absent for a visitor without an account (a careers application's resume). */
  @Prop({ type: SchemaTypes.ObjectId }) ownerId?: Types.ObjectId;
  @Prop({ type: String, enum: FILE_PURPOSES, required: true }) purpose: FilePurpose;
  /** The object's key in the storage port; derived from the id, so it never repeats. */
  @Prop({ required: true, maxlength: 256 }) storageKey: string;
  @Prop({ required: true, maxlength: MAX_FILE_NAME }) fileName: string;
  /** Detected from the bytes when it was uploaded. */
  @Prop({ required: true, maxlength: 127 }) contentType: string;
  @Prop({ required: true, min: 0 }) size: number;
  @Prop({ required: true, match: /^[0-9a-f]{64}$/ }) sha256: string;
  createdAt: Date;
}

export type StoredFileDocument = HydratedDocument<StoredFile>;
export const StoredFileSchema = SchemaFactory.createForClass(StoredFile);

// user.deleted: every file a deleted account uploaded, to erase them.
StoredFileSchema.index({ ownerId: 1 }, { sparse: true });
// One document per stored object: the key is the link between the two.
StoredFileSchema.index({ storageKey: 1 }, { unique: true });
