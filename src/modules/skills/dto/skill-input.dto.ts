import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { HttpsUrl } from '../../../core/net/index.js';
import {
  LIMITS,
  RELATIONSHIP_TYPES,
  RESOURCE_TYPES,
  SKILL_STATUSES,
  type RelationshipType,
  type ResourceType,
  type SkillStatus,
} from '../schemas/skill.schema.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

/** Categories, subcategories and slugs are lower-case words joined by hyphens, so they sit in a path as they are. */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY_MESSAGE = 'must be lower-case letters and digits joined by single hyphens';

/** An optional list of bounded labels (tags, tools, …). */
const Labels = (max: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: max, description, items: { type: 'string', maxLength: LIMITS.label } }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(LIMITS.label, { each: true }),
  );

export class LearningResourceDto {
  @ApiProperty({ maxLength: LIMITS.resourceTitle }) @IsString() @MinLength(1) @MaxLength(LIMITS.resourceTitle) @NotBlank() title: string;
  @ApiProperty({ format: 'uri', example: 'https://docs.python.org/3/tutorial/' }) @HttpsUrl() url: string;
  @ApiProperty({ enum: RESOURCE_TYPES }) @IsIn(RESOURCE_TYPES) type: ResourceType;
}

export class SkillMetadataDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 10_000, description: 'Hours a learner typically needs' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000)
  estimatedLearningTime?: number;
  @Labels(LIMITS.industries, 'Industries that use the skill') industries?: string[];
  @Labels(LIMITS.tools, 'Tools the skill involves') tools?: string[];
  @ApiPropertyOptional({ type: [LearningResourceDto], maxItems: LIMITS.learningResources })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.learningResources)
  @ValidateNested({ each: true })
  @Type(() => LearningResourceDto)
  learningResources?: LearningResourceDto[];
}

export class RelatedSkillInputDto {
  @ApiProperty({ pattern: '^[0-9a-fA-F]{24}$' }) @IsMongoId() skill: string;
  @ApiProperty({ enum: RELATIONSHIP_TYPES }) @IsIn(RELATIONSHIP_TYPES) relationshipType: RelationshipType;
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) strength: number;
}

export class SkillVerificationInputDto {
  @ApiProperty({ description: 'Verifying records who verified and when; unverifying clears both' }) @IsBoolean() isVerified: boolean;
}

export class CreateSkillDto {
  @ApiProperty({ maxLength: LIMITS.name }) @IsString() @MinLength(1) @MaxLength(LIMITS.name) @NotBlank() name: string;
  @ApiPropertyOptional({ maxLength: LIMITS.slug, pattern: KEY_PATTERN.source, description: 'Derived from the name when absent; unique' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.slug)
  @Matches(KEY_PATTERN, { message: `slug ${KEY_MESSAGE}` })
  slug?: string;
  @ApiPropertyOptional({ maxLength: LIMITS.description }) @IsOptional() @IsString() @MaxLength(LIMITS.description) description?: string;
  @ApiProperty({ maxLength: LIMITS.label, pattern: KEY_PATTERN.source, example: 'programming' })
  @IsString()
  @MaxLength(LIMITS.label)
  @Matches(KEY_PATTERN, { message: `category ${KEY_MESSAGE}` })
  category: string;
  @ApiPropertyOptional({ maxLength: LIMITS.label, pattern: KEY_PATTERN.source, example: 'web-development' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  @Matches(KEY_PATTERN, { message: `subcategory ${KEY_MESSAGE}` })
  subcategory?: string;
  @ApiProperty({ minimum: 1, maximum: 10, description: '1 (first steps) to 10 (expert)' }) @IsInt() @Min(1) @Max(10) difficulty: number;
  @Labels(LIMITS.tags, 'Searched with weight 5') tags?: string[];
  @Labels(LIMITS.keywords, 'Searched with weight 5') keywords?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.prerequisites, description: 'Ids of skills to learn first; no cycles' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.prerequisites)
  @ArrayUnique()
  @IsMongoId({ each: true })
  prerequisites?: string[];
  @ApiPropertyOptional({ type: [RelatedSkillInputDto], maxItems: LIMITS.relatedSkills })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.relatedSkills)
  @ValidateNested({ each: true })
  @Type(() => RelatedSkillInputDto)
  relatedSkills?: RelatedSkillInputDto[];
  @ApiPropertyOptional({ type: SkillMetadataDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SkillMetadataDto)
  metadata?: SkillMetadataDto;
  @ApiPropertyOptional({ type: SkillVerificationInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SkillVerificationInputDto)
  verification?: SkillVerificationInputDto;
  @ApiPropertyOptional({ enum: SKILL_STATUSES, default: 'active' }) @IsOptional() @IsIn(SKILL_STATUSES) status?: SkillStatus;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'How much employers ask for the skill' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  industryDemand?: number;
}

/** The fields given replace the stored ones; the others stay. */
export class UpdateSkillDto extends PartialType(CreateSkillDto) {}
