import { Injectable, Logger } from '@nestjs/common';
import { trusted, Types, type PipelineStage, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { ValidationProblem } from '../../core/http/problem.js';
import type { SkillSearchQueryDto } from './dto/skill-query.dto.js';
import type { SkillSearchHitDto, SkillSearchPageDto } from './dto/skill.dto.js';
import type { Skill } from './schemas/skill.schema.js';
import { queryTerms, wordsOf } from './search-terms.js';
import { SkillReadsService } from './skill-reads.service.js';
import { toSkillDto } from './skill.mapper.js';
import { SkillsRepository } from './skills.repository.js';

type Scored = Skill & { score: number };

/** Ties rank the more popular skill first, then alphabetically, on both servers. */
const TIE_BREAK = { 'stats.popularityRank': 1, name: 1, _id: 1 } as const;

/**
 * GET /api/skills/search, one answer shape on every server. With `$text` (MongoDB) the weighted `skills_text` index
 * ranks by text score; without it (the test stand-in) each skill's stored stems are matched against the query's and
 * ranked by the sum of the matched stems' weights, the same field weights as the index. Which one is decided once,
 * by asking the server with this very collection and index.
 */
@Injectable()
export class SkillSearch {
  private readonly logger = new Logger(SkillSearch.name);
  private textSearch?: Promise<boolean>;

  constructor(
    private readonly repository: SkillsRepository,
    private readonly reads: SkillReadsService,
    private readonly policy: PermissionPolicy,
  ) {}

  async search(ctx: RequestContext, query: SkillSearchQueryDto): Promise<SkillSearchPageDto> {
    this.policy.require(ctx, 'skill.browse');
    const terms = queryTerms(query.q);
    if (terms.length === 0) throw new ValidationProblem([{ field: 'q', message: 'q has no searchable word (only common words)' }]);
    const filter = this.reads.filterOf(ctx, query);
    const { items, total } = (await this.hasTextSearch()) ? await this.viaText(query, filter) : await this.viaTerms(query, terms, filter);
    return {
      items: items.map((skill) => this.hit(skill, terms, query.highlights === true)),
      total,
      page: query.page,
      limit: query.limit,
      terms,
    };
  }

  /**
   * True where the server runs `$text`; asked once per process, on first search. An empty collection answers `$text`
   * without evaluating it on any server, so the question goes to a scratch collection holding one document.
   */
  hasTextSearch(): Promise<boolean> {
    this.textSearch ??= this.probeTextSearch().then(
      () => true,
      (error: unknown) => {
        this.logger.log(`skill search ranks stored stems: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        return false;
      },
    );
    return this.textSearch;
  }

  private async probeTextSearch(): Promise<void> {
    const scratch = this.repository.model.db.collection(`skills_text_probe_${new Types.ObjectId().toString()}`);
    try {
      await scratch.createIndex({ body: 'text' }, { default_language: 'english' });
      await scratch.insertOne({ body: 'testing probes' });
      const found = await scratch.countDocuments({ $text: { $search: 'tests' } });
      if (found !== 1) throw new Error(`$text matched ${found} documents instead of 1`);
    } finally {
      await scratch.drop().catch(() => undefined);
    }
  }

  private async viaText(query: SkillSearchQueryDto, filter: QueryFilter<Skill>): Promise<{ items: Scored[]; total: number }> {
    // The query's plain words: `-word` and quotes mean exclusion and phrases to $text, which the stored-stems path has no
    // equivalent of, so neither server gives them a meaning.
    const matching = { ...filter, $text: trusted({ $search: wordsOf(query.q).join(' ') }) } as QueryFilter<Skill>;
    const [items, total] = await Promise.all([
      this.repository.model
        .find(matching, { effects: 0, score: trusted({ $meta: 'textScore' }) })
        .sort({ score: trusted({ $meta: 'textScore' }), ...TIE_BREAK })
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .lean<Scored[]>(),
      this.repository.model.countDocuments(matching),
    ]);
    return { items, total };
  }

  private async viaTerms(
    query: SkillSearchQueryDto,
    terms: string[],
    filter: QueryFilter<Skill>,
  ): Promise<{ items: Scored[]; total: number }> {
    const pipeline: PipelineStage[] = [
      { $match: { ...filter, 'searchTerms.term': trusted({ $in: terms }) } },
      {
        $addFields: {
          score: {
            $sum: {
              $map: {
                input: { $filter: { input: '$searchTerms', as: 'entry', cond: { $in: ['$$entry.term', terms] } } },
                as: 'matched',
                in: '$$matched.weight',
              },
            },
          },
        },
      },
      { $sort: { score: -1, ...TIE_BREAK } },
      { $project: { effects: 0 } },
      { $facet: { items: [{ $skip: (query.page - 1) * query.limit }, { $limit: query.limit }], total: [{ $count: 'count' }] } },
    ];
    const [result] = await this.repository.model.aggregate<{ items: Scored[]; total: { count: number }[] }>(pipeline);
    return { items: result?.items ?? [], total: result?.total[0]?.count ?? 0 };
  }

  private hit(skill: Scored, terms: string[], highlights: boolean): SkillSearchHitDto {
    const stored = new Set((skill.searchTerms ?? []).map((entry) => entry.term));
    return {
      ...toSkillDto(skill),
      score: Math.round(skill.score * 1000) / 1000,
      matchedTerms: highlights ? terms.filter((term) => stored.has(term)) : undefined,
    };
  }
}
