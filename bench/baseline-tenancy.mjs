// The baseline's feature-gated read: a tenant's audit log, behind the tenant's standing and the `audit-log`
// feature, with Atrium's lookups and nothing more. The tenant open and the caller's membership (by the unique
// (tenantId, userId) index) read in parallel, as Atrium's tenant guard reads them (the tenant with its plan); then
// the tenant's unexpired override of the feature, with plans, features and plan values from a per-process
// snapshot refreshed as often as Atrium's (ENTITLEMENTS_CACHE_MS); then the same cursor page of `auditlogs`.
import { ObjectId } from 'mongodb';

const FEATURE = 'audit-log';
const isId = (value) => typeof value === 'string' && value.length === 24 && ObjectId.isValid(value);
const isStaff = (actor) => actor.role === 'staff' || actor.role === 'admin';

function catalogueOf(db, env) {
  const ttlMs = Number(env.ENTITLEMENTS_CACHE_MS ?? 5000);
  let cached;
  let loading;
  async function load() {
    const [features, values] = await Promise.all([
      db
        .collection('features')
        .find({}, { projection: { _id: 0, key: 1, type: 1, defaultValue: 1 } })
        .toArray(),
      db
        .collection('planfeatures')
        .find({}, { projection: { _id: 0, planKey: 1, featureKey: 1, value: 1 } })
        .toArray(),
    ]);
    const planValues = new Map();
    for (const row of values) {
      if (!planValues.has(row.planKey)) planValues.set(row.planKey, new Map());
      planValues.get(row.planKey).set(row.featureKey, row.value);
    }
    return { at: Date.now(), features: new Map(features.map((feature) => [feature.key, feature])), planValues };
  }
  return async () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached;
    loading ??= load().finally(() => (loading = undefined));
    return (cached = await loading);
  };
}

const grants = (value) => value === true || (typeof value === 'number' && value > 0);

const entryDto = (entry, tenantView) => {
  const showClient = !tenantView || entry.actorRole === 'user';
  return {
    id: entry._id.toHexString(),
    actor: { id: entry.actorId?.toHexString(), role: entry.actorRole },
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    tenantId: entry.tenantId?.toHexString(),
    before: entry.before,
    after: entry.after,
    changedFields: entry.changedFields ?? [],
    truncated: entry.truncated ?? false,
    ip: showClient ? entry.ip : undefined,
    userAgent: showClient ? entry.userAgent : undefined,
    requestId: entry.requestId,
    createdAt: entry.createdAt.toISOString(),
  };
};
const cursorOf = (entry) => Buffer.from(`${entry.createdAt.toISOString()}|${entry._id.toHexString()}`).toString('base64url');

export function registerTenancyRoutes(app, { db, env, actorOf }) {
  const tenants = db.collection('tenants');
  const memberships = db.collection('memberships');
  const overrides = db.collection('tenantfeatures');
  const entries = db.collection('auditlogs');
  const catalogue = catalogueOf(db, env);

  app.get('/tenants/:tenantId/audit-logs', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const { tenantId } = request.params;
    if (!isId(tenantId)) return reply.code(404).send({ status: 404 });
    const id = new ObjectId(tenantId);
    const [open, membership] = await Promise.all([
      tenants.findOne({ _id: id, active: true }, { projection: { _id: 0, planKey: 1 } }),
      memberships.findOne({ tenantId: id, userId: new ObjectId(actor.id) }, { projection: { _id: 0, role: 1 } }),
    ]);
    if (!open || (!membership && !isStaff(actor))) return reply.code(404).send({ status: 404 });

    const now = new Date();
    const [snapshot, override] = await Promise.all([
      catalogue(),
      overrides.findOne(
        { tenantId: id, featureKey: FEATURE, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
        { projection: { _id: 0, featureKey: 1, value: 1, expiresAt: 1 } },
      ),
    ]);
    const feature = snapshot.features.get(FEATURE);
    const value = override ? override.value : (snapshot.planValues.get(open.planKey ?? 'free')?.get(FEATURE) ?? feature?.defaultValue);
    if (!grants(value)) return reply.code(402).send({ status: 402 });
    if (!isStaff(actor) && !['owner', 'admin'].includes(membership?.role)) return reply.code(403).send({ status: 403 });

    const limit = Math.min(Math.max(Number(request.query.limit ?? 20) || 20, 1), 100);
    const found = await entries
      .find({ tenantId: id })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    const page = found.slice(0, limit);
    const tenantView = !isStaff(actor);
    return {
      items: page.map((entry) => entryDto(entry, tenantView)),
      nextCursor: found.length > limit ? cursorOf(page.at(-1)) : null,
      limit,
    };
  });
}
