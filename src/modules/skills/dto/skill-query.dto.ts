import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { LIMITS, SKILL_STATUSES, type SkillStatus } from '../schemas/skill.schema.js';
import { KEY_PATTERN } from './skill-input.dto.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const SKILL_SORTS = ['popularity', 'rating', 'name', 'newest'] as const;
export type SkillSort = (typeof SKILL_SORTS)[number];

export const MAX_QUERY_LENGTH = 200;

/** The filters the list and the search share. */
export class SkillFilterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: LIMITS.label, pattern: KEY_PATTERN.source })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  @Matches(KEY_PATTERN)
  category?: string;
  @ApiPropertyOptional({ maxLength: LIMITS.label, pattern: KEY_PATTERN.source })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  @Matches(KEY_PATTERN)
  subcategory?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10) minDifficulty?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10) maxDifficulty?: number;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBoolean) @IsBoolean() verified?: boolean;
  @ApiPropertyOptional({ enum: SKILL_STATUSES, description: 'Staff only; everyone else sees active skills whatever is asked' })
  @IsOptional()
  @IsIn(SKILL_STATUSES)
  status?: SkillStatus;
}

export class SkillListQueryDto extends SkillFilterQueryDto {
  @ApiPropertyOptional({ enum: SKILL_SORTS, default: 'popularity' }) @IsOptional() @IsIn(SKILL_SORTS) sort: SkillSort = 'popularity';
}

export class SkillSearchQueryDto extends SkillFilterQueryDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_QUERY_LENGTH, example: 'python' })
  @Transform(trimmed)
  @IsString()
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or digit' })
  @MaxLength(MAX_QUERY_LENGTH)
  q: string;
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Add the matched (stemmed) query terms to each item' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  highlights?: boolean;
}

export class CategoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: LIMITS.label, pattern: KEY_PATTERN.source })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  @Matches(KEY_PATTERN)
  subcategory?: string;
}

export class PopularQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit: number =
    10;
}

export class TreeQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 2 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) depth: number = 2;
}
