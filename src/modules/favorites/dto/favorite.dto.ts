import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FAVORITE_TYPES, type FavoriteType } from '../favorite-fields.js';

export class FavoriteDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: FAVORITE_TYPES }) type: FavoriteType;
  @ApiProperty() itemId: string;
  @ApiPropertyOptional() title?: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) metadata: Record<string, string>;
  @ApiPropertyOptional() folder?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiProperty() usageCount: number;
  @ApiPropertyOptional({ format: 'date-time' }) lastUsedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class FavoriteCheckDto {
  @ApiProperty() favorited: boolean;
  @ApiPropertyOptional({ description: 'Present when favorited' }) favoriteId?: string;
}

export class FolderDto {
  @ApiProperty({ example: 'Work' }) name: string;
  @ApiProperty({ description: 'Favorites in the folder' }) count: number;
}

export class FolderListDto {
  @ApiProperty({ type: FolderDto, isArray: true, description: 'By name, case-insensitively' }) items: FolderDto[];
  @ApiProperty({ description: 'Favorites in no folder' }) unfiled: number;
}
