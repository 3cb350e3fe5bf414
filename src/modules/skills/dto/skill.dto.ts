import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from '../../../core/http/pagination.js';
import { RELATIONSHIP_TYPES, SKILL_STATUSES, type RelationshipType, type SkillStatus } from '../schemas/skill.schema.js';
import { LearningResourceDto } from './skill-input.dto.js';

export class SkillStatsDto {
  @ApiProperty() totalLearners: number;
  @ApiProperty() totalTeachers: number;
  @ApiProperty({ description: 'Mean session rating 1–5; 0 before the first rating' }) avgRating: number;
  @ApiProperty() ratingCount: number;
  @ApiProperty() completedSessions: number;
  @ApiProperty({ description: '1 = most learners (ties by rating)' }) popularityRank: number;
}

export class RelatedSkillDto {
  @ApiProperty() skill: string;
  @ApiProperty({ enum: RELATIONSHIP_TYPES }) relationshipType: RelationshipType;
  @ApiProperty({ minimum: 1, maximum: 10 }) strength: number;
}

export class SkillMetadataViewDto {
  @ApiPropertyOptional() estimatedLearningTime?: number;
  @ApiProperty({ type: [String] }) industries: string[];
  @ApiProperty({ type: [String] }) tools: string[];
  @ApiProperty({ type: [LearningResourceDto] }) learningResources: LearningResourceDto[];
}

export class SkillVerificationDto {
  @ApiProperty() isVerified: boolean;
  @ApiPropertyOptional() verifiedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) verifiedAt?: string;
}

export class SkillDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiPropertyOptional() subcategory?: string;
  @ApiProperty({ minimum: 1, maximum: 10 }) difficulty: number;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ type: SkillStatsDto }) stats: SkillStatsDto;
  @ApiProperty({ type: [RelatedSkillDto] }) relatedSkills: RelatedSkillDto[];
  @ApiProperty({ type: [String], description: 'Ids of the skills to learn first' }) prerequisites: string[];
  @ApiProperty({ type: SkillMetadataViewDto }) metadata: SkillMetadataViewDto;
  @ApiProperty({ type: SkillVerificationDto }) verification: SkillVerificationDto;
  @ApiProperty({ enum: SKILL_STATUSES }) status: SkillStatus;
  @ApiProperty() trendingScore: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) industryDemand: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SkillSearchHitDto extends SkillDto {
  @ApiProperty({ description: 'Relevance; compare only within one answer (the scale depends on the server)' }) score: number;
  @ApiPropertyOptional({ type: [String], description: 'With highlights=true: the stemmed query terms this skill matched' })
  matchedTerms?: string[];
}

export class SkillSearchPageDto extends PageMetaDto {
  @ApiProperty({ type: [SkillSearchHitDto] }) items: SkillSearchHitDto[];
  @ApiProperty({ type: [String], description: 'The query as searched: its stemmed terms' }) terms: string[];
}

export class SubcategoryCountDto {
  @ApiProperty({ nullable: true, type: String, description: 'null for skills without a subcategory' }) subcategory: string | null;
  @ApiProperty() count: number;
}

export class CategoryPageDto extends PageMetaDto {
  @ApiProperty() category: string;
  @ApiProperty({ type: [SubcategoryCountDto] }) subcategories: SubcategoryCountDto[];
  @ApiProperty({ type: [SkillDto] }) items: SkillDto[];
}

export class CategoryCountDto {
  @ApiProperty() category: string;
  @ApiProperty() count: number;
  @ApiProperty() avgDifficulty: number;
}

export class DifficultyCountDto {
  @ApiProperty({ minimum: 1, maximum: 10 }) difficulty: number;
  @ApiProperty() count: number;
}

export class SkillStatisticsDto {
  @ApiProperty({ description: 'Active skills' }) total: number;
  @ApiProperty() verified: number;
  @ApiProperty({ type: [CategoryCountDto] }) byCategory: CategoryCountDto[];
  @ApiProperty({ type: [DifficultyCountDto] }) byDifficulty: DifficultyCountDto[];
}

export class SkillTreeNodeDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() difficulty: number;
  @ApiProperty({ enum: SKILL_STATUSES }) status: SkillStatus;
  @ApiProperty({ description: 'Links from the root to this skill (0: the root)' }) depth: number;
}

export class SkillTreeEdgeDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['prerequisite', 'related'], description: 'prerequisite: `from` requires `to`' }) kind: 'prerequisite' | 'related';
  @ApiPropertyOptional({ enum: RELATIONSHIP_TYPES }) relationshipType?: RelationshipType;
  @ApiPropertyOptional() strength?: number;
}

export class SkillTreeDto {
  @ApiProperty() rootId: string;
  @ApiProperty() depth: number;
  @ApiProperty({ type: [SkillTreeNodeDto], description: 'Each skill once, at the depth first reached' }) nodes: SkillTreeNodeDto[];
  @ApiProperty({ type: [SkillTreeEdgeDto] }) edges: SkillTreeEdgeDto[];
}
