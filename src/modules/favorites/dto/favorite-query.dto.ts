import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { FAVORITE_TYPES, FOLDER_MAX, type FavoriteType } from '../favorite-fields.js';

export const FAVORITE_SORTS = ['recent', 'most-used'] as const;
export type FavoriteSort = (typeof FAVORITE_SORTS)[number];

/** A user's favorites; every filter and sort is backed by an index on `userfavorites`. */
export class FavoriteListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FAVORITE_TYPES }) @IsOptional() @IsIn(FAVORITE_TYPES) type?: FavoriteType;

  @ApiPropertyOptional({ maxLength: FOLDER_MAX, description: 'A folder name, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(FOLDER_MAX)
  folder?: string;

  @ApiPropertyOptional({
    enum: FAVORITE_SORTS,
    default: 'recent',
    description: 'recent: last used or added first; most-used: highest usage count first',
  })
  @IsOptional()
  @IsIn(FAVORITE_SORTS)
  sort: FavoriteSort = 'recent';
}
