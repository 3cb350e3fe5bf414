import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { FAVORITE_TYPES, FOLDER_MAX, ITEM_ID_MAX, ITEM_ID_PATTERN, NOTES_MAX, TITLE_MAX, type FavoriteType } from '../favorite-fields.js';
import { IsBoundedStringMap } from './string-map.validator.js';

// A folder name holds at least one visible character; it is trimmed before it is stored.
const FOLDER_PATTERN = /\S/;

export class CreateFavoriteDto {
  @ApiPropertyOptional({ description: 'Staff only: add the favorite for this user; defaults to the caller' })
  @IsOptional()
  @IsMongoId()
  userId?: string;

  @ApiProperty({ enum: FAVORITE_TYPES }) @IsIn(FAVORITE_TYPES) type: FavoriteType;

  @ApiProperty({ maxLength: ITEM_ID_MAX, pattern: ITEM_ID_PATTERN, example: 'neural-chat' })
  @IsString()
  @MaxLength(ITEM_ID_MAX)
  @Matches(new RegExp(ITEM_ID_PATTERN))
  itemId: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX, example: 'Neural Chat' })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', maxLength: 500 }, example: { category: 'chat' } })
  @IsOptional()
  @IsBoundedStringMap()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: FOLDER_MAX, description: 'Trimmed; folders are the same whatever the case', example: 'Work' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(FOLDER_MAX)
  @Matches(FOLDER_PATTERN, { message: 'folder must not be blank' })
  folder?: string;

  @ApiPropertyOptional({ maxLength: NOTES_MAX }) @IsOptional() @IsString() @MaxLength(NOTES_MAX) notes?: string;
}

/** Only the fields given change; `folder: null` takes the item out of its folder, `notes: null` clears the notes. */
export class UpdateFavoriteDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX }) @IsOptional() @IsString() @MaxLength(TITLE_MAX) title?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', maxLength: 500 }, description: 'Replaces the whole map' })
  @IsOptional()
  @IsBoundedStringMap()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: FOLDER_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(FOLDER_MAX)
  @Matches(FOLDER_PATTERN, { message: 'folder must not be blank' })
  folder?: string | null;

  @ApiPropertyOptional({ maxLength: NOTES_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(NOTES_MAX)
  notes?: string | null;
}

export class RenameFolderDto {
  @ApiProperty({ maxLength: FOLDER_MAX, description: 'The new name; an existing folder of that name takes the items in' })
  @IsString()
  @MinLength(1)
  @MaxLength(FOLDER_MAX)
  @Matches(FOLDER_PATTERN, { message: 'name must not be blank' })
  name: string;
}
