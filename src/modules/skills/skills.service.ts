import { Injectable, NotFoundException } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact } from '../../core/database/find-page.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import type { CreateSkillDto, UpdateSkillDto } from './dto/skill-input.dto.js';
import type { SkillDto } from './dto/skill.dto.js';
import { LIMITS, type Skill } from './schemas/skill.schema.js';
import { searchTermsOf } from './search-terms.js';
import { SkillLinks, slugOf } from './skill-links.js';
import { toSkillDto } from './skill.mapper.js';
import { conflict } from './skills-problems.js';
import { LIVE, SkillsRepository } from './skills.repository.js';

/** The effect a removal owes the catalogue itself: the removed skill leaves other skills' related lists. */
export const DETACH_REMOVED_EFFECT = 'skills.detach-removed';

const MAX_DEPENDANTS_NAMED = 10;

const oid = (id: string) => new Types.ObjectId(id);

/**
 * `null` is never a value of a skill's field (omit a field to keep it). The HTTP layer refuses it already; the
 * service refuses it too, so no other caller can store null where the schema promises a value.
 */
function refuseNulls(input: object): void {
  const fields = Object.entries(input).filter(([, value]) => value === null);
  if (fields.length > 0) throw new ValidationProblem(fields.map(([field]) => ({ field, message: 'must not be null; omit it instead' })));
}

/** Staff's curation of the catalogue: create, edit and delete skills, with the graph's rules. */
@Injectable()
export class SkillsService {
  constructor(
    private readonly repository: SkillsRepository,
    private readonly links: SkillLinks,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly trail: AuditTrail,
  ) {}

  async create(ctx: RequestContext, input: CreateSkillDto): Promise<SkillDto> {
    this.policy.require(ctx, 'skill.manage');
    refuseNulls(input);
    const prerequisites = input.prerequisites ?? [];
    const related = input.relatedSkills ?? [];
    await this.links.assertExist('prerequisites', prerequisites);
    await this.links.assertExist(
      'relatedSkills',
      related.map((link) => link.skill),
    );
    // A new skill starts last in popularity (no learners yet); the ranking job places it properly.
    const live = await this.repository.model.countDocuments(LIVE);
    const now = new Date();
    const document: Partial<Skill> = {
      name: input.name.trim(),
      slug: input.slug ?? slugOf(input.name),
      description: input.description ?? '',
      category: input.category,
      subcategory: input.subcategory,
      difficulty: input.difficulty,
      tags: input.tags ?? [],
      keywords: input.keywords ?? [],
      prerequisites: prerequisites.map(oid),
      relatedSkills: related.map((link) => ({ ...link, skill: oid(link.skill) })),
      metadata: { industries: [], tools: [], learningResources: [], ...compact(input.metadata ?? {}) },
      verification: input.verification?.isVerified
        ? { isVerified: true, verifiedBy: oid(actorOf(ctx).id), verifiedAt: now }
        : { isVerified: false },
      status: input.status ?? 'active',
      industryDemand: input.industryDemand ?? 0,
      stats: { popularityRank: live + 1 } as Skill['stats'],
    };
    document.searchTerms = searchTermsOf(
      { name: document.name, description: document.description, tags: document.tags, keywords: document.keywords },
      LIMITS.searchTerms,
    );
    let created: Skill;
    try {
      created = await this.repository.insert(document);
    } catch (error) {
      throw this.slugTaken(error, document.slug!);
    }
    await this.trail.record(ctx, {
      action: 'skill.created',
      targetType: 'skill',
      targetId: created._id.toString(),
      after: { name: created.name, slug: created.slug, status: created.status },
    });
    return toSkillDto(created);
  }

  /** Replaces the fields given; prerequisites are checked for unknown ids and cycles, also against concurrent edits. */
  async update(ctx: RequestContext, id: string, input: UpdateSkillDto): Promise<SkillDto> {
    this.policy.require(ctx, 'skill.manage');
    refuseNulls(input);
    const current = await this.load(id);
    const name = input.name?.trim() ?? current.name;
    if (input.prerequisites) {
      await this.links.assertExist(
        'prerequisites',
        input.prerequisites.filter((prerequisite) => prerequisite !== id),
      );
      await this.links.assertNoCycle(id, name, input.prerequisites);
    }
    if (input.relatedSkills)
      await this.links.assertExist(
        'relatedSkills',
        input.relatedSkills.map((link) => link.skill),
        id,
      );
    const merged = {
      name,
      description: input.description ?? current.description,
      tags: input.tags ?? current.tags,
      keywords: input.keywords ?? current.keywords,
    };
    const metadata = input.metadata ? { ...current.metadata, ...compact(input.metadata) } : undefined;
    const verification =
      input.verification?.isVerified === undefined || input.verification.isVerified === current.verification?.isVerified
        ? undefined
        : input.verification.isVerified
          ? { isVerified: true, verifiedBy: oid(actorOf(ctx).id), verifiedAt: new Date() }
          : { isVerified: false };
    const set = compact({
      ...merged,
      slug: input.slug,
      category: input.category,
      subcategory: input.subcategory,
      difficulty: input.difficulty,
      prerequisites: input.prerequisites?.map(oid),
      relatedSkills: input.relatedSkills?.map((link) => ({ ...link, skill: oid(link.skill) })),
      metadata,
      verification,
      status: input.status,
      industryDemand: input.industryDemand,
      searchTerms: searchTermsOf(merged, LIMITS.searchTerms),
    });
    // The cycle check above read the graph with the prerequisites loaded here: the write holds only if they are still
    // the ones stored, so a refused or raced edit never leaves part of itself behind.
    const previousPrerequisites = current.prerequisites ?? [];
    let updated: Skill | null;
    try {
      updated = await this.repository.update(current._id, { $set: set }, input.prerequisites ? previousPrerequisites : undefined);
    } catch (error) {
      throw this.slugTaken(error, input.slug ?? current.slug);
    }
    if (!updated) throw await this.missingOrChanged(current._id);
    if (input.prerequisites) {
      // The load leaves search terms out; the previous ones follow from the previous text, as they were made.
      const searchTerms = searchTermsOf(
        { name: current.name, description: current.description, tags: current.tags, keywords: current.keywords },
        LIMITS.searchTerms,
      );
      await this.recheckCycle(updated, { ...current, searchTerms }, Object.keys(set) as (keyof Skill)[]);
    }
    await this.trail.record(ctx, {
      action: 'skill.updated',
      targetType: 'skill',
      targetId: id,
      before: { name: current.name, slug: current.slug, status: current.status, difficulty: current.difficulty },
      after: { name: updated.name, slug: updated.slug, status: updated.status, difficulty: updated.difficulty },
    });
    return toSkillDto(updated);
  }

  /**
   * Deletes a skill no other skill requires (409 naming them otherwise: archive it instead). It becomes a tombstone
   * owing `skills.skill-removed` to its subscribers and its own removal from related lists, delivered at once.
   */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    this.policy.require(ctx, 'skill.manage');
    const skill = await this.load(id);
    const dependants = await this.repository.model
      .find({ prerequisites: skill._id, ...LIVE } as QueryFilter<Skill>, { name: 1 })
      .sort({ name: 1 })
      .limit(MAX_DEPENDANTS_NAMED + 1)
      .lean<Pick<Skill, '_id' | 'name'>[]>();
    if (dependants.length > 0) {
      const named = dependants.slice(0, MAX_DEPENDANTS_NAMED).map((dependant) => dependant.name);
      const more = dependants.length > MAX_DEPENDANTS_NAMED ? ' and more' : '';
      throw conflict(
        'skill-required',
        'Skill still required',
        `${skill.name} is a prerequisite of ${named.join(', ')}${more}; archive it instead (status "archived").`,
        { dependants: dependants.slice(0, MAX_DEPENDANTS_NAMED).map((dependant) => dependant._id.toString()) },
      );
    }
    const payload = { removedSkillId: id };
    const effects = owedEffects([
      ...this.relay.owe('skills.skill-removed', payload, `skill-removed:${id}`),
      { key: `skill-detach:${id}`, name: DETACH_REMOVED_EFFECT, payload },
    ]);
    const tombstone = await this.repository.tombstone(skill._id, effects, new Date());
    if (!tombstone) throw new NotFoundException('No such skill.');
    await this.trail.record(ctx, {
      action: 'skill.deleted',
      targetType: 'skill',
      targetId: id,
      before: { name: skill.name, slug: skill.slug },
    });
    await this.relay.deliver(this.repository.model, tombstone);
  }

  /** The system's share of a removal: the skill leaves every related list (and any prerequisite list a race left it in). */
  async detachRemoved(ctx: RequestContext, removedSkillId: string): Promise<number> {
    this.policy.require(ctx, 'skill.stats');
    return this.repository.detach(oid(removedSkillId));
  }

  /**
   * Two edits at once can each pass the cycle check and close a cycle together; the later sees it here and undoes
   * itself whole: every field it wrote gets its previous value back, so the refused PUT leaves no trace.
   */
  private async recheckCycle(updated: Skill, previous: Skill, fields: (keyof Skill)[]): Promise<void> {
    const written = updated.prerequisites ?? [];
    try {
      await this.links.assertNoCycle(updated._id.toString(), updated.name, written.map(String));
    } catch (error) {
      await this.repository.restore(updated._id, written, previous, fields);
      throw error;
    }
  }

  /** The write matched nothing: the skill is gone (404) or its prerequisites changed since they were read (409). */
  private async missingOrChanged(id: Types.ObjectId): Promise<unknown> {
    const exists = await this.repository.model.exists({ _id: id, ...LIVE } as QueryFilter<Skill>);
    return exists
      ? conflict(
          'skill-changed',
          'Skill changed',
          "The skill's prerequisites changed while this edit was checked; read it again and retry.",
        )
      : new NotFoundException('No such skill.');
  }

  private async load(id: string): Promise<Skill> {
    const skill = await this.repository.model.findOne({ _id: oid(id), ...LIVE } as QueryFilter<Skill>, { searchTerms: 0 }).lean<Skill>();
    if (!skill) throw new NotFoundException('No such skill.');
    return skill;
  }

  private slugTaken(error: unknown, slug: string): unknown {
    return isDuplicateKeyOn(error, ['slug'])
      ? new ProblemException(409, 'slug-taken', 'Slug taken', `Another skill already has the slug "${slug}".`, { slug })
      : error;
  }
}
