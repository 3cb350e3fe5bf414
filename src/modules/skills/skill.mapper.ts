import { iso } from '../../core/http/serialize.js';
import type { SkillSummary } from './skill-catalogue.js';
import type { SkillDto } from './dto/skill.dto.js';
import type { Skill, SkillStatus } from './schemas/skill.schema.js';

/** Every read excludes tombstones, so a mapped skill has one of the public statuses. */
const statusOf = (skill: Skill): SkillStatus => (skill.status === 'removed' ? 'archived' : skill.status);

export function toSkillDto(skill: Skill): SkillDto {
  const stats = skill.stats ?? {};
  return {
    id: skill._id.toString(),
    name: skill.name,
    slug: skill.slug,
    description: skill.description ?? '',
    category: skill.category,
    subcategory: skill.subcategory,
    difficulty: skill.difficulty,
    tags: skill.tags ?? [],
    keywords: skill.keywords ?? [],
    stats: {
      totalLearners: stats.totalLearners ?? 0,
      totalTeachers: stats.totalTeachers ?? 0,
      avgRating: stats.avgRating ?? 0,
      ratingCount: stats.ratingCount ?? 0,
      completedSessions: stats.completedSessions ?? 0,
      popularityRank: stats.popularityRank ?? 0,
    },
    relatedSkills: (skill.relatedSkills ?? []).map((link) => ({
      skill: link.skill.toString(),
      relationshipType: link.relationshipType,
      strength: link.strength,
    })),
    prerequisites: (skill.prerequisites ?? []).map((id) => id.toString()),
    metadata: {
      estimatedLearningTime: skill.metadata?.estimatedLearningTime,
      industries: skill.metadata?.industries ?? [],
      tools: skill.metadata?.tools ?? [],
      learningResources: (skill.metadata?.learningResources ?? []).map(({ title, url, type }) => ({ title, url, type })),
    },
    verification: {
      isVerified: skill.verification?.isVerified ?? false,
      verifiedBy: skill.verification?.verifiedBy?.toString(),
      verifiedAt: iso(skill.verification?.verifiedAt),
    },
    status: statusOf(skill),
    trendingScore: skill.trendingScore ?? 0,
    industryDemand: skill.industryDemand ?? 0,
    createdAt: iso(skill.createdAt)!,
    updatedAt: iso(skill.updatedAt)!,
  };
}

export const toSkillSummary = (
  skill: Pick<Skill, '_id' | 'name' | 'slug' | 'category' | 'subcategory' | 'difficulty' | 'status' | 'metadata'>,
): SkillSummary => ({
  id: skill._id.toString(),
  name: skill.name,
  slug: skill.slug,
  category: skill.category,
  subcategory: skill.subcategory,
  difficulty: skill.difficulty,
  status: skill.status === 'removed' ? 'archived' : skill.status,
  estimatedLearningTime: skill.metadata?.estimatedLearningTime,
});

/** What lists and searches read: everything the answer shows, not the stems or owed effects. */
export const SKILL_PROJECTION = { searchTerms: 0, effects: 0 } as const;
export const SUMMARY_PROJECTION = {
  name: 1,
  slug: 1,
  category: 1,
  subcategory: 1,
  difficulty: 1,
  status: 1,
  'metadata.estimatedLearningTime': 1,
} as const;
