// The baseline's voice routes, with Atrium's work and nothing more.
//
// Lead import (POST /tenants/:tenantId/leads/import, JSON rows): the token and account check; the tenant open and
// the caller's membership read in parallel, as Atrium's tenant guard reads them, and a manager's role; the body
// checked as the DTO checks it (format json, at most 1,000 rows, each an object); every row judged by Atrium's own
// row rules (`judgeRow`: name, E.164 through libphonenumber-js, email, tags, time zone), the first row of a number
// kept; then unordered bulk inserts of the same documents (audit entry, the owed `lead.updated` effect per
// subscriber) into `leads`, whose unique (tenantId, phone) index refuses the numbers the tenant has. The effects it
// writes are marked done: the same bytes, but Atrium's relay must not deliver the baseline's leads while the
// baseline is measured (Atrium's own deliveries are part of Atrium's cost and run during its own turn).
//
// Vapi server messages (POST /voice/webhooks/vapi): the secret header compared in constant time over SHA-256
// digests, the raw body parsed and its shape checked, the body's SHA-256 as the dedupe key; the message inserted
// into `voice_vapi_messages` (a repeated digest read back); the call found by Vapi's id; the message marked with
// its outcome, tenant and call. A message type nothing reacts to (`speech-update`, Vapi's most frequent) is
// acknowledged as ignored, as Atrium does.
import { ObjectId } from 'mongodb';
import { createHash, timingSafeEqual } from 'node:crypto';

const isId = (value) => typeof value === 'string' && value.length === 24 && ObjectId.isValid(value);
const isStaff = (actor) => actor.role === 'staff' || actor.role === 'admin';
const MAX_JSON_ROWS = 1000;
const CHUNK = 1000;
const DUPLICATE_KEY = 11000;
const SUBSCRIBERS = ['tenant-webhooks'];

const digestOf = (text) => createHash('sha256').update(text).digest();

export function registerVoiceRoutes(app, { db, env, actorOf, judgeRow, timezoneOfNumber, developmentSecrets }) {
  const tenants = db.collection('tenants');
  const memberships = db.collection('memberships');
  const leads = db.collection('leads');
  const messages = db.collection('voice_vapi_messages');
  const calls = db.collection('voice_calls');
  const vapiSecret = digestOf(env.VAPI_WEBHOOK_SECRET ?? developmentSecrets.VAPI_WEBHOOK_SECRET);
  const defaultCountry = env.LEADS_DEFAULT_COUNTRY ?? 'US';

  app.post('/tenants/:tenantId/leads/import', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const { tenantId } = request.params;
    if (!isId(tenantId)) return reply.code(404).send({ status: 404 });
    const tenant = new ObjectId(tenantId);
    const [open, membership] = await Promise.all([
      tenants.findOne({ _id: tenant, active: true }, { projection: { _id: 0, planKey: 1 } }),
      memberships.findOne({ tenantId: tenant, userId: new ObjectId(actor.id) }, { projection: { _id: 0, role: 1 } }),
    ]);
    if (!open || (!membership && !isStaff(actor))) return reply.code(404).send({ status: 404 });
    if (!isStaff(actor) && !['owner', 'admin'].includes(membership.role)) return reply.code(403).send({ status: 403 });
    const body = request.body ?? {};
    const rows = body.rows;
    if (
      body.format !== 'json' ||
      !Array.isArray(rows) ||
      rows.length > MAX_JSON_ROWS ||
      rows.some((row) => !row || typeof row !== 'object' || Array.isArray(row))
    )
      return reply.code(400).send({ status: 400 });

    const rejects = [];
    const byPhone = new Map();
    rows.forEach((row, index) => {
      const verdict = judgeRow(row, index + 1, body.defaultCountry ?? defaultCountry);
      if (!verdict.ok) rejects.push(verdict.reject);
      else if (byPhone.has(verdict.candidate.phone)) rejects.push({ line: index + 1, field: 'phone', reason: 'repeats a number' });
      else byPhone.set(verdict.candidate.phone, verdict.candidate);
    });
    const now = new Date();
    const actorId = new ObjectId(actor.id);
    const candidates = [...byPhone.values()];
    let refused = 0;
    for (let start = 0; start < candidates.length; start += CHUNK) {
      const inserts = candidates.slice(start, start + CHUNK).map((candidate) => {
        const _id = new ObjectId();
        const payload = {
          tenantId,
          leadId: _id.toHexString(),
          leadStatus: 'new',
          leadChanges: ['created'],
          leadUpdatedAt: now.toISOString(),
        };
        const key = `lead-updated:${_id.toHexString()}:${new ObjectId().toHexString()}`;
        return {
          insertOne: {
            document: {
              _id,
              tenantId: tenant,
              name: candidate.name,
              nameKey: candidate.name.toLowerCase(),
              phone: candidate.phone,
              ...(candidate.phoneCountry ? { phoneCountry: candidate.phoneCountry } : {}),
              ...(candidate.email ? { email: candidate.email } : {}),
              source: 'import',
              status: 'new',
              tags: candidate.tags ?? [],
              timezone: candidate.timezone ?? timezoneOfNumber(candidate.phone),
              ...(candidate.notes ? { notes: candidate.notes } : {}),
              ...(candidate.externalId ? { externalId: candidate.externalId } : {}),
              callCount: 0,
              countedCallIds: [],
              createdBy: actorId,
              audit: [
                {
                  from: null,
                  to: 'new',
                  at: now,
                  source: 'api',
                  actorId,
                  reason: 'import',
                  ip: request.ip,
                  userAgent: request.headers['user-agent']?.slice(0, 512),
                  // As Atrium's audit entry writes it: an absent event id, which BSON stores as null.
                  eventId: undefined,
                },
              ],
              effects: SUBSCRIBERS.map((subscriber) => ({
                key: `${key}>${subscriber}`,
                name: `lead.updated>${subscriber}`,
                payload,
                state: 'done',
                attempts: 0,
                dueAt: now,
              })),
              createdAt: now,
              updatedAt: now,
            },
          },
        };
      });
      try {
        await leads.bulkWrite(inserts, { ordered: false });
      } catch (error) {
        const failed = error.writeErrors ? [].concat(error.writeErrors) : undefined;
        if (!failed || failed.some((failure) => failure.code !== DUPLICATE_KEY)) throw error;
        refused += failed.length;
      }
    }
    return {
      rows: rows.length,
      created: candidates.length - refused,
      updated: 0,
      unchanged: refused,
      rejected: rejects.length,
      rejectedRows: rejects.slice(0, 200),
    };
  });

  app.post('/voice/webhooks/vapi', async (request, reply) => {
    const given = request.headers['x-vapi-secret'];
    if (!request.rawBody || typeof given !== 'string' || !given || !timingSafeEqual(digestOf(given), vapiSecret))
      return reply.code(401).send({ status: 401 });
    const message = request.body?.message;
    if (!message || typeof message !== 'object' || Array.isArray(message) || typeof message.type !== 'string' || !message.type)
      return reply.code(400).send({ status: 400 });
    const digest = createHash('sha256').update(request.rawBody).digest('hex');
    const vapiCallId = typeof message.call?.id === 'string' ? message.call.id.slice(0, 100) : undefined;
    const now = new Date();
    try {
      await messages.insertOne({
        digest,
        type: message.type,
        vapiCallId,
        outcome: 'received',
        deliveries: 1,
        body: message,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (error.code !== DUPLICATE_KEY) throw error;
      const previous = await messages.findOneAndUpdate(
        { digest },
        { $inc: { deliveries: 1 } },
        { returnDocument: 'after', projection: { outcome: 1 } },
      );
      if (previous && (previous.outcome === 'processed' || previous.outcome === 'ignored'))
        return { received: true, duplicate: true, outcome: previous.outcome };
    }
    const call = vapiCallId ? await calls.findOne({ vapiCallId }) : null;
    await messages.updateOne(
      { digest },
      {
        $set: {
          outcome: 'ignored',
          updatedAt: new Date(),
          ...(call ? { tenantId: call.tenantId, callId: call._id } : { detail: 'no call of ours has this id' }),
        },
      },
    );
    return { received: true, duplicate: false, outcome: 'ignored' };
  });
}
