import { Injectable, NotFoundException } from '@nestjs/common';
import { trusted, Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, within } from '../../core/database/find-page.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import type {
  CategoryQueryDto,
  PopularQueryDto,
  SkillFilterQueryDto,
  SkillListQueryDto,
  SkillSort,
  TreeQueryDto,
} from './dto/skill-query.dto.js';
import type { CategoryPageDto, SkillDto, SkillStatisticsDto, SkillTreeDto } from './dto/skill.dto.js';
import type { RelationshipType, Skill } from './schemas/skill.schema.js';
import { walkNeighbourhood } from './skill-graph.js';
import { SKILL_PROJECTION, toSkillDto } from './skill.mapper.js';
import { LIVE, SkillsRepository } from './skills.repository.js';

type Order = Record<string, 1 | -1>;

/** Each sort with its tie-breaks; the id last, so no skill shows on two pages. */
const SORTS: Record<SkillSort, Order> = {
  popularity: { 'stats.popularityRank': 1, name: 1, _id: 1 },
  rating: { 'stats.avgRating': -1, 'stats.ratingCount': -1, name: 1, _id: 1 },
  name: { name: 1, _id: 1 },
  newest: { createdAt: -1, _id: -1 },
};

/** The catalogue as everyone reads it; staff also see drafts and archived skills in lists. */
@Injectable()
export class SkillReadsService {
  constructor(
    private readonly repository: SkillsRepository,
    private readonly policy: PermissionPolicy,
  ) {}

  /** The list and search filters: non-staff always get active skills, staff any status (all live ones by default). */
  filterOf(ctx: RequestContext, query: SkillFilterQueryDto): QueryFilter<Skill> {
    const staff = this.policy.can(ctx, 'skill.browse-all');
    return compact({
      ...LIVE,
      status: staff ? (query.status ?? LIVE.status) : 'active',
      category: query.category,
      subcategory: query.subcategory,
      difficulty: within(query.minDifficulty, query.maxDifficulty),
      'verification.isVerified': query.verified,
    }) as QueryFilter<Skill>;
  }

  async list(ctx: RequestContext, query: SkillListQueryDto): Promise<Page<SkillDto>> {
    this.policy.require(ctx, 'skill.browse');
    return this.page(this.filterOf(ctx, query), query, SORTS[query.sort]);
  }

  /** Drafts exist only for staff; archived skills stay readable by id (learners may still hold them). */
  async get(ctx: RequestContext, id: string): Promise<SkillDto> {
    this.policy.require(ctx, 'skill.browse');
    const skill = await this.repository.model
      .findOne({ _id: new Types.ObjectId(id), ...LIVE } as QueryFilter<Skill>, SKILL_PROJECTION)
      .lean<Skill>();
    if (!skill || (skill.status === 'draft' && !this.policy.can(ctx, 'skill.browse-all'))) throw new NotFoundException('No such skill.');
    return toSkillDto(skill);
  }

  /** A category's active skills by popularity, with how many of them each subcategory holds. */
  async category(ctx: RequestContext, category: string, query: CategoryQueryDto): Promise<CategoryPageDto> {
    this.policy.require(ctx, 'skill.browse');
    const base = { category, status: 'active' } as QueryFilter<Skill>;
    const [page, counts] = await Promise.all([
      this.page(compact({ ...base, subcategory: query.subcategory }) as QueryFilter<Skill>, query, SORTS.popularity),
      this.repository.model.aggregate<{ _id: string | null; count: number }>([
        { $match: base },
        { $group: { _id: '$subcategory', count: { $sum: 1 } } },
        { $sort: { count: -1, _id: 1 } },
      ]),
    ]);
    return { category, subcategories: counts.map((row) => ({ subcategory: row._id ?? null, count: row.count })), ...page };
  }

  /** The active skills most people learn, then the best rated. */
  async popular(ctx: RequestContext, query: PopularQueryDto): Promise<SkillDto[]> {
    this.policy.require(ctx, 'skill.browse');
    const skills = await this.repository.model
      .find({ status: 'active' } as QueryFilter<Skill>, SKILL_PROJECTION)
      .sort({ 'stats.totalLearners': -1, 'stats.avgRating': -1, _id: 1 })
      .limit(query.limit)
      .lean<Skill[]>();
    return skills.map(toSkillDto);
  }

  /** How the active catalogue spreads over categories and difficulty levels. */
  async statistics(ctx: RequestContext): Promise<SkillStatisticsDto> {
    this.policy.require(ctx, 'skill.browse');
    const active = { status: 'active' } as QueryFilter<Skill>;
    const [byCategory, byDifficulty, verified] = await Promise.all([
      this.repository.model.aggregate<{ _id: string; count: number; avgDifficulty: number }>([
        { $match: active },
        { $group: { _id: '$category', count: { $sum: 1 }, avgDifficulty: { $avg: '$difficulty' } } },
        { $sort: { count: -1, _id: 1 } },
      ]),
      this.repository.model.aggregate<{ _id: number; count: number }>([
        { $match: active },
        { $group: { _id: '$difficulty', count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ]),
      this.repository.model.countDocuments({ ...active, 'verification.isVerified': true } as QueryFilter<Skill>),
    ]);
    return {
      total: byCategory.reduce((sum, row) => sum + row.count, 0),
      verified,
      byCategory: byCategory.map((row) => ({
        category: row._id,
        count: row.count,
        avgDifficulty: Math.round(row.avgDifficulty * 100) / 100,
      })),
      byDifficulty: byDifficulty.map((row) => ({ difficulty: row._id, count: row.count })),
    };
  }

  /** The skill's prerequisites and related skills to `depth` links, each skill once; drafts only for staff. */
  async tree(ctx: RequestContext, id: string, query: TreeQueryDto): Promise<SkillTreeDto> {
    this.policy.require(ctx, 'skill.browse');
    const staff = this.policy.can(ctx, 'skill.browse-all');
    const visible = (staff ? LIVE : { status: trusted({ $in: ['active', 'archived'] }) }) as QueryFilter<Skill>;
    const walked = await walkNeighbourhood(id, query.depth, async (ids) => {
      const rows = await this.repository.model
        .find({ _id: trusted({ $in: ids.map((one) => new Types.ObjectId(one)) }), ...visible } as QueryFilter<Skill>, {
          name: 1,
          slug: 1,
          difficulty: 1,
          status: 1,
          prerequisites: 1,
          relatedSkills: 1,
        })
        .sort({ difficulty: 1, name: 1 })
        .lean<Skill[]>();
      return rows.map((row) => ({
        id: row._id.toString(),
        node: row,
        prerequisites: (row.prerequisites ?? []).map(String),
        related: (row.relatedSkills ?? []).map((link) => ({ ...link, skill: link.skill.toString() })),
      }));
    });
    if (!walked) throw new NotFoundException('No such skill.');
    return {
      rootId: id,
      depth: query.depth,
      nodes: walked.nodes.map(({ depth, node }) => ({
        id: node._id.toString(),
        name: node.name,
        slug: node.slug,
        difficulty: node.difficulty,
        status: node.status === 'removed' ? 'archived' : node.status,
        depth,
      })),
      edges: walked.edges.map((edge) => ({ ...edge, relationshipType: edge.relationshipType as RelationshipType | undefined })),
    };
  }

  private async page(filter: QueryFilter<Skill>, request: PageQueryDto, sort: Order): Promise<Page<SkillDto>> {
    const [items, total] = await Promise.all([
      this.repository.model
        .find(filter, SKILL_PROJECTION)
        .sort(sort)
        .skip((request.page - 1) * request.limit)
        .limit(request.limit)
        .lean<Skill[]>(),
      this.repository.model.countDocuments(filter),
    ]);
    return { items: items.map(toSkillDto), total, page: request.page, limit: request.limit };
  }
}
