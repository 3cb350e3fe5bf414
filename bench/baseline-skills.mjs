// The baseline's skills catalogue: GET /skills and GET /skills/search with Atrium's work and nothing more. The
// public limit per client address; a presented token checked as on authenticated routes (401 when it fails,
// anonymous without one); the query validated as Atrium's DTOs read it (unknown fields refused); the same filter
// (live, active skills for everyone but staff, optional category, subcategory, difficulty range and verified), the
// same sorts with their tie-breaks, skip/limit and countDocuments on `skills` (whose indexes Atrium built), and the
// same answer. Search runs where the server has no `$text` (the stand-in) as Atrium's fallback does: the query's
// stems (Atrium's own stemmer, from the built app) against each skill's stored stems, ranked by the matched weights.
const SORTS = {
  popularity: { 'stats.popularityRank': 1, name: 1, _id: 1 },
  rating: { 'stats.avgRating': -1, 'stats.ratingCount': -1, name: 1, _id: 1 },
  name: { name: 1, _id: 1 },
  newest: { createdAt: -1, _id: -1 },
};
const TIE_BREAK = { 'stats.popularityRank': 1, name: 1, _id: 1 };
const STATUSES = ['draft', 'active', 'archived'];
const KEY = /^[a-z0-9][a-z0-9-]*$/;
const FILTERS = ['page', 'limit', 'category', 'subcategory', 'minDifficulty', 'maxDifficulty', 'verified', 'status'];
const iso = (date) => (date ? new Date(date).toISOString() : undefined);
const whole = (value, fallback, min, max) => {
  const number = value === undefined ? fallback : Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
};

/** The filters as Atrium's DTO reads them, or undefined when Atrium would answer 400. */
function filtersOf(query, extra) {
  if (Object.keys(query).some((key) => !FILTERS.includes(key) && !extra.includes(key))) return undefined;
  const page = whole(query.page, 1, 1, 10_000);
  const limit = whole(query.limit, 20, 1, 100);
  const minDifficulty = query.minDifficulty === undefined ? undefined : whole(query.minDifficulty, 0, 1, 10);
  const maxDifficulty = query.maxDifficulty === undefined ? undefined : whole(query.maxDifficulty, 0, 1, 10);
  if (page === undefined || limit === undefined || minDifficulty === null || maxDifficulty === null) return undefined;
  if (
    (query.minDifficulty !== undefined && minDifficulty === undefined) ||
    (query.maxDifficulty !== undefined && maxDifficulty === undefined)
  )
    return undefined;
  for (const key of ['category', 'subcategory'])
    if (query[key] !== undefined && (typeof query[key] !== 'string' || query[key].length > 64 || !KEY.test(query[key]))) return undefined;
  if (query.verified !== undefined && query.verified !== 'true' && query.verified !== 'false') return undefined;
  if (query.status !== undefined && !STATUSES.includes(query.status)) return undefined;
  return { ...query, page, limit, minDifficulty, maxDifficulty };
}

function filterOf(query, staff) {
  const filter = { status: staff ? (query.status ?? { $ne: 'removed' }) : 'active' };
  if (query.category) filter.category = query.category;
  if (query.subcategory) filter.subcategory = query.subcategory;
  if (query.minDifficulty !== undefined || query.maxDifficulty !== undefined) {
    filter.difficulty = {};
    if (query.minDifficulty !== undefined) filter.difficulty.$gte = query.minDifficulty;
    if (query.maxDifficulty !== undefined) filter.difficulty.$lte = query.maxDifficulty;
  }
  if (query.verified !== undefined) filter['verification.isVerified'] = query.verified === 'true';
  return filter;
}

function skillOf(skill) {
  const stats = skill.stats ?? {};
  return {
    id: skill._id.toHexString(),
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
      skill: link.skill.toHexString(),
      relationshipType: link.relationshipType,
      strength: link.strength,
    })),
    prerequisites: (skill.prerequisites ?? []).map((id) => id.toHexString()),
    metadata: {
      estimatedLearningTime: skill.metadata?.estimatedLearningTime,
      industries: skill.metadata?.industries ?? [],
      tools: skill.metadata?.tools ?? [],
      learningResources: (skill.metadata?.learningResources ?? []).map(({ title, url, type }) => ({ title, url, type })),
    },
    verification: {
      isVerified: skill.verification?.isVerified ?? false,
      verifiedBy: skill.verification?.verifiedBy?.toHexString(),
      verifiedAt: iso(skill.verification?.verifiedAt),
    },
    status: skill.status,
    trendingScore: skill.trendingScore ?? 0,
    industryDemand: skill.industryDemand ?? 0,
    createdAt: iso(skill.createdAt),
    updatedAt: iso(skill.updatedAt),
  };
}

/** `publicLimit` and `identify` as in baseline-suggestions.mjs; `queryTerms` is Atrium's stemmer. */
export function registerSkillsRoutes(app, { db, publicLimit, identify, queryTerms }) {
  const skills = db.collection('skills');
  const projection = { searchTerms: 0, effects: 0 };
  const isStaff = (viewer) => viewer && (viewer.role === 'staff' || viewer.role === 'admin');

  app.get('/skills', async (request, reply) => {
    if (!(await publicLimit(request, reply))) return reply;
    const viewer = await identify(request, reply);
    if (viewer === false) return reply;
    const query = filtersOf(request.query, ['sort']);
    const sort = SORTS[request.query.sort ?? 'popularity'];
    if (!query || !sort) return reply.code(400).send({ status: 400 });
    const filter = filterOf(query, isStaff(viewer));
    const [items, total] = await Promise.all([
      skills
        .find(filter, { projection })
        .sort(sort)
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .toArray(),
      skills.countDocuments(filter),
    ]);
    return { items: items.map(skillOf), total, page: query.page, limit: query.limit };
  });

  app.get('/skills/search', async (request, reply) => {
    if (!(await publicLimit(request, reply))) return reply;
    const viewer = await identify(request, reply);
    if (viewer === false) return reply;
    const query = filtersOf(request.query, ['q', 'highlights']);
    const q = typeof request.query.q === 'string' ? request.query.q.trim() : undefined;
    if (!query || !q || q.length > 200 || !/[\p{L}\p{N}]/u.test(q)) return reply.code(400).send({ status: 400 });
    const terms = queryTerms(q);
    if (terms.length === 0) return reply.code(400).send({ status: 400 });
    const [result] = await skills
      .aggregate([
        { $match: { ...filterOf(query, isStaff(viewer)), 'searchTerms.term': { $in: terms } } },
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
      ])
      .toArray();
    const highlights = request.query.highlights === 'true';
    const items = (result?.items ?? []).map((skill) => {
      const stored = new Set((skill.searchTerms ?? []).map((entry) => entry.term));
      return {
        ...skillOf(skill),
        score: Math.round(skill.score * 1000) / 1000,
        matchedTerms: highlights ? terms.filter((term) => stored.has(term)) : undefined,
      };
    });
    return { items, total: result?.total[0]?.count ?? 0, page: query.page, limit: query.limit, terms };
  });
}
