// The baseline's feedback board: GET /suggestions with Atrium's work and nothing more. The public limit
// counted per client address; a presented bearer token checked as on authenticated routes (signature,
// claims, then account and session state through the shared cache: baseline-auth.mjs), 401 when it fails,
// anonymous without one; the query validated as Atrium's DTO reads it (unknown fields refused); the same
// filter (visible suggestions, optional category and status), the same sort (score, then newest, then id),
// skip/limit and countDocuments side by side on `communitysuggestions` (whose indexes Atrium built), then
// the caller's own votes on the page in one query on `suggestionvotes`. `q` is matched as the start of the
// title, Atrium's fallback where the server has no full-text search (the scenarios send none).
import { ObjectId } from 'mongodb';

const CATEGORIES = [
  'feature-request',
  'improvement',
  'bug-report',
  'integration',
  'ui-ux',
  'performance',
  'ai-agents',
  'documentation',
  'pricing',
  'other',
];
const STATUSES = ['submitted', 'under_review', 'planned', 'in_progress', 'implemented', 'declined'];
const SORTS = {
  score: { score: -1, createdAt: -1, _id: -1 },
  new: { createdAt: -1, _id: -1 },
  top: { 'votes.up': -1, createdAt: -1, _id: -1 },
};
const DAY_MS = 86_400_000;

const iso = (date) => (date ? new Date(date).toISOString() : undefined);

/** The board's query as Atrium's DTO reads it, or undefined when Atrium would answer 400. */
function boardQuery(query) {
  const known = ['page', 'limit', 'category', 'status', 'q', 'sort'];
  if (Object.keys(query).some((key) => !known.includes(key))) return undefined;
  const page = query.page === undefined ? 1 : Number(query.page);
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(page) || page < 1 || page > 10_000 || !Number.isInteger(limit) || limit < 1 || limit > 100) return undefined;
  if (query.category !== undefined && !CATEGORIES.includes(query.category)) return undefined;
  if (query.status !== undefined && !STATUSES.includes(query.status)) return undefined;
  if (query.q !== undefined && (typeof query.q !== 'string' || query.q.length < 2 || query.q.length > 100)) return undefined;
  const sort = query.sort ?? 'score';
  if (typeof sort !== 'string' || (sort !== 'trending' && !Object.hasOwn(SORTS, sort))) return undefined;
  return { ...query, page, limit, sort };
}

function summaryOf(suggestion, myVote, seesHidden, staff) {
  return {
    id: suggestion._id.toHexString(),
    suggestionId: suggestion.suggestionId,
    title: suggestion.title,
    description: suggestion.description,
    category: suggestion.category,
    tags: suggestion.tags ?? [],
    status: suggestion.status,
    statusReason: suggestion.statusReason,
    votes: { up: suggestion.votes?.up ?? 0, down: suggestion.votes?.down ?? 0 },
    score: suggestion.score ?? 0,
    commentCount: suggestion.commentCount ?? 0,
    authorId: suggestion.authorId?.toHexString(),
    authorName: suggestion.authorName,
    myVote,
    hidden: seesHidden ? suggestion.hidden : undefined,
    hiddenReason: staff ? suggestion.hiddenReason : undefined,
    createdAt: iso(suggestion.createdAt),
    updatedAt: iso(suggestion.updatedAt),
  };
}

/**
 * `publicLimit(request, reply)` counts the public limit as Atrium's `@RateLimit('public')` does (false after
 * answering 429); `identify(request, reply)` answers the caller of a presented token, null without one, and
 * false after answering 401, as Atrium's `@Public({ identify: true })`.
 */
export function registerSuggestionsRoutes(app, { db, env, publicLimit, identify }) {
  const suggestions = db.collection('communitysuggestions');
  const votes = db.collection('suggestionvotes');
  const trendingDays = Number(env.SUGGESTIONS_TRENDING_DAYS ?? 14);

  app.get('/suggestions', async (request, reply) => {
    if (!(await publicLimit(request, reply))) return reply;
    const viewer = await identify(request, reply);
    if (viewer === false) return reply;
    const query = boardQuery(request.query);
    if (!query) return reply.code(400).send({ status: 400 });
    const filter = { hidden: false };
    if (query.category) filter.category = query.category;
    if (query.status) filter.status = query.status;
    if (query.sort === 'trending') filter.createdAt = { $gte: new Date(Date.now() - trendingDays * DAY_MS) };
    if (query.q) filter.title = { $regex: `^${query.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, $options: 'i' };
    const sort = SORTS[query.sort] ?? SORTS.score;
    const [items, total] = await Promise.all([
      suggestions
        .find(filter)
        .sort(sort)
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .toArray(),
      suggestions.countDocuments(filter),
    ]);
    const mine = new Map();
    if (viewer && items.length > 0) {
      const own = await votes
        .find(
          { userId: new ObjectId(viewer.id), suggestionId: { $in: items.map((item) => item._id) } },
          { projection: { suggestionId: 1, direction: 1 } },
        )
        .toArray();
      for (const vote of own) mine.set(vote.suggestionId.toHexString(), vote.direction);
    }
    const staff = viewer?.role === 'staff' || viewer?.role === 'admin';
    return {
      items: items.map((item) =>
        summaryOf(
          item,
          viewer ? (mine.get(item._id.toHexString()) ?? 'none') : undefined,
          staff || (viewer !== null && item.authorId?.toHexString() === viewer.id),
          staff,
        ),
      ),
      total,
      page: query.page,
      limit: query.limit,
    };
  });
}
