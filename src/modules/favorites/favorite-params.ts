import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';
import { FAVORITE_TYPES, FOLDER_MAX, ITEM_ID_PATTERN, normalizeFolder, type FavoriteType } from './favorite-fields.js';
import { fitsLength } from '../../core/text-length.js';

const ITEM_ID = new RegExp(ITEM_ID_PATTERN);

const malformed = (what: string, value: unknown, rule: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'malformed-parameter', `Malformed ${what}`, `"${String(value).slice(0, 64)}" ${rule}.`);

/** `{type}` in a path: one of the favorite types. */
@Injectable()
export class FavoriteTypePipe implements PipeTransform<string, FavoriteType> {
  static readonly pathSchema = { type: 'string', enum: [...FAVORITE_TYPES], pattern: `^(${FAVORITE_TYPES.join('|')})$` };

  transform(value: string): FavoriteType {
    if (!(FAVORITE_TYPES as readonly string[]).includes(value))
      throw malformed('type', value, `is not one of ${FAVORITE_TYPES.join(', ')}`);
    return value as FavoriteType;
  }
}

/** `{itemId}` in a path: a slug or id of at most 128 characters. */
@Injectable()
export class ItemIdPipe implements PipeTransform<string, string> {
  static readonly pathSchema = { type: 'string', pattern: ITEM_ID_PATTERN };

  transform(value: string): string {
    if (typeof value !== 'string' || !ITEM_ID.test(value)) throw malformed('item id', value, 'is not an item id');
    return value;
  }
}

/** `{folder}` in a path: a folder name, trimmed, of at most 64 characters. */
@Injectable()
export class FolderNamePipe implements PipeTransform<string, string> {
  // Trimmed on arrival, so the document offers names without outer spaces.
  static readonly pathSchema = { type: 'string', pattern: `^\\S(.{0,${FOLDER_MAX - 2}}\\S)?$` };

  transform(value: string): string {
    const name = typeof value === 'string' ? normalizeFolder(value) : '';
    if (name.length === 0 || !fitsLength(name, FOLDER_MAX))
      throw malformed('folder', value, `is not a folder name of 1 to ${FOLDER_MAX} characters`);
    return name;
  }
}
