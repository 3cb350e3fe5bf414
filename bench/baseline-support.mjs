// The baseline's support desk: ticket creation and the staff queue with Atrium's work and nothing more.
// Creation: the token and account check, the body validated as Atrium's DTO is (unknown fields refused,
// attachments through Atrium's own outbound-URL policy), the requester read, the next number from the
// same `counters` document ($inc in findOneAndUpdate), the SLA due times from the same settings, one
// insert of the same document into `supporttickets` (whose indexes Atrium built: the same collection).
// The queue: the same filter, sort, skip/limit and countDocuments, side by side.
import { ObjectId } from 'mongodb';

const CATEGORIES = ['billing', 'technical', 'account', 'ai-lab', 'agents', 'community', 'careers', 'partnership', 'other'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const STATUSES = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'];
const ACTIVE = ['open', 'in_progress', 'waiting_on_customer'];
const HOUR_MS = 3_600_000;
const SLA_DEFAULTS = {
  FIRST_RESPONSE: { low: 48, normal: 24, high: 8, urgent: 2 },
  RESOLUTION: { low: 240, normal: 120, high: 48, urgent: 8 },
};

const iso = (date) => (date ? new Date(date).toISOString() : undefined);
const idOf = (id) => id?.toString();
const isText = (value, min, max) => typeof value === 'string' && value.length >= min && value.length <= max;
const isStaff = (actor) => actor.role === 'staff' || actor.role === 'admin';

/** How identity's directory names a user in a message: the name they gave, else the address's local part. */
function nameOf({ email, profile }) {
  return profile?.displayName ?? ([profile?.firstName, profile?.lastName].filter(Boolean).join(' ') || email.split('@')[0]);
}

function slaHours(env, kind, priority) {
  const value = env[`SUPPORT_SLA_${kind}_HOURS_${priority.toUpperCase()}`];
  return value === undefined ? SLA_DEFAULTS[kind][priority] : Number(value);
}

function validTicket(body, urlProblem) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const known = ['subject', 'category', 'priority', 'message', 'attachments'];
  if (Object.keys(body).some((key) => !known.includes(key))) return false;
  if (!isText(body.subject, 3, 200) || !CATEGORIES.includes(body.category) || !isText(body.message, 1, 10_000)) return false;
  if (body.priority !== undefined && !PRIORITIES.includes(body.priority)) return false;
  if (body.attachments === undefined) return true;
  return (
    Array.isArray(body.attachments) &&
    body.attachments.length <= 10 &&
    body.attachments.every((url) => isText(url, 0, 2048) && urlProblem(url) === undefined)
  );
}

function summaryOf(ticket, now = new Date()) {
  return {
    id: ticket._id.toHexString(),
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    requesterId: idOf(ticket.requesterId),
    requesterEmail: ticket.requesterEmail,
    assigneeId: idOf(ticket.assigneeId),
    messageCount: ticket.messageCount,
    lastMessageAt: iso(ticket.lastMessageAt),
    sla: {
      firstResponseDueAt: iso(ticket.firstResponseDueAt),
      resolutionDueAt: iso(ticket.resolutionDueAt),
      firstRespondedAt: iso(ticket.firstRespondedAt),
      firstResponseSeconds: ticket.firstRespondedAt ? Math.round((ticket.firstRespondedAt - ticket.createdAt) / 1000) : undefined,
      overdue: ACTIVE.includes(ticket.status) && ticket.slaDueAt.getTime() < now.getTime(),
    },
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    satisfaction: ticket.satisfaction
      ? { rating: ticket.satisfaction.rating, comment: ticket.satisfaction.comment, ratedAt: iso(ticket.satisfaction.ratedAt) }
      : undefined,
    createdAt: iso(ticket.createdAt),
    updatedAt: iso(ticket.updatedAt),
  };
}

function ticketOf(ticket, staff) {
  const dto = {
    ...summaryOf(ticket),
    messages: ticket.messages.map((message) => ({
      id: message._id.toHexString(),
      authorId: idOf(message.authorId),
      authorRole: message.authorRole,
      authorName: message.authorName,
      body: message.body,
      attachments: message.attachments,
      createdAt: iso(message.createdAt),
    })),
    resolutionSummary: ticket.resolutionSummary,
  };
  if (!staff) return dto;
  const history = ticket.audit.map((entry) => ({
    from: entry.from,
    to: entry.to,
    at: iso(entry.at),
    source: entry.source,
    actorId: idOf(entry.actorId),
    reason: entry.reason,
  }));
  return { ...dto, contactMessageId: idOf(ticket.contactMessageId), notes: [], history };
}

/** The queue's query as Atrium's DTO reads it, or undefined when Atrium would answer 400. */
function queueQuery(query) {
  const known = ['page', 'limit', 'status', 'priority', 'category', 'assignee', 'overdue', 'createdFrom', 'createdTo'];
  if (Object.keys(query).some((key) => !known.includes(key))) return undefined;
  const page = query.page === undefined ? 1 : Number(query.page);
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(page) || page < 1 || page > 10_000 || !Number.isInteger(limit) || limit < 1 || limit > 100) return undefined;
  if (query.status !== undefined && !STATUSES.includes(query.status)) return undefined;
  if (query.priority !== undefined && !PRIORITIES.includes(query.priority)) return undefined;
  if (query.category !== undefined && !CATEGORIES.includes(query.category)) return undefined;
  if (query.assignee !== undefined && !/^([0-9a-fA-F]{24}|unassigned)$/.test(query.assignee)) return undefined;
  if (query.overdue !== undefined && query.overdue !== 'true' && query.overdue !== 'false') return undefined;
  for (const bound of [query.createdFrom, query.createdTo]) if (bound !== undefined && Number.isNaN(Date.parse(bound))) return undefined;
  return { ...query, page, limit, overdue: query.overdue === 'true' };
}

function queueFilter(query, now) {
  const filter = {};
  if (query.status) filter.status = query.status;
  else if (query.overdue) filter.status = { $in: ACTIVE };
  if (query.priority) filter.priority = query.priority;
  if (query.category) filter.category = query.category;
  if (query.assignee) filter.assigneeId = query.assignee === 'unassigned' ? null : new ObjectId(query.assignee);
  if (query.overdue) filter.slaDueAt = { $lte: now };
  if (query.createdFrom || query.createdTo) {
    filter.createdAt = {};
    if (query.createdFrom) filter.createdAt.$gte = new Date(query.createdFrom);
    if (query.createdTo) filter.createdAt.$lte = new Date(query.createdTo);
  }
  return filter;
}

export function registerSupportRoutes(app, { db, env, actorOf, urlProblem }) {
  const users = db.collection('users');
  const counters = db.collection('counters');
  const tickets = db.collection('supporttickets');

  app.post('/support/tickets', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const body = request.body;
    if (!validTicket(body, urlProblem)) return reply.code(400).send({ status: 400 });
    const requester = await users.findOne({ _id: new ObjectId(actor.id), status: 'active' }, { projection: { email: 1, profile: 1 } });
    if (!requester) return reply.code(401).send({ status: 401 });
    const displayName = nameOf(requester);
    const priority = body.priority ?? 'normal';
    const now = new Date();
    const year = now.getUTCFullYear();
    const counter = await counters.findOneAndUpdate(
      { _id: `supporttickets:${year}` },
      { $inc: { last: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    const firstResponseHours = slaHours(env, 'FIRST_RESPONSE', priority);
    const firstResponseDueAt = new Date(now.getTime() + firstResponseHours * HOUR_MS);
    const resolutionHours = Math.max(slaHours(env, 'RESOLUTION', priority), firstResponseHours);
    const authorId = new ObjectId(actor.id);
    const ticket = {
      _id: new ObjectId(),
      ticketNumber: `TKT-${year}-${String(counter.last).padStart(6, '0')}`,
      requesterId: authorId,
      requesterEmail: requester.email,
      requesterName: displayName,
      subject: body.subject,
      category: body.category,
      priority,
      status: 'open',
      messages: [
        {
          _id: new ObjectId(),
          authorId,
          authorRole: 'customer',
          authorName: displayName,
          body: body.message,
          attachments: body.attachments ?? [],
          createdAt: now,
        },
      ],
      messageCount: 1,
      notes: [],
      noteCount: 0,
      lastMessageAt: now,
      firstResponseDueAt,
      resolutionDueAt: new Date(now.getTime() + resolutionHours * HOUR_MS),
      slaDueAt: firstResponseDueAt,
      audit: [
        {
          from: null,
          to: 'open',
          at: now,
          source: 'api',
          actorId: authorId,
          ip: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 512),
        },
      ],
      createdAt: now,
      updatedAt: now,
      __v: 0,
    };
    await tickets.insertOne(ticket);
    return reply.code(201).send(ticketOf(ticket, isStaff(actor)));
  });

  app.get('/support/queue', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    if (!isStaff(actor)) return reply.code(403).send({ status: 403 });
    const query = queueQuery(request.query);
    if (!query) return reply.code(400).send({ status: 400 });
    const now = new Date();
    if (query.overdue && query.status && !ACTIVE.includes(query.status))
      return { items: [], total: 0, page: query.page, limit: query.limit };
    const filter = queueFilter(query, now);
    const [items, total] = await Promise.all([
      tickets
        .find(filter)
        .sort({ slaDueAt: 1, _id: 1 })
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .toArray(),
      tickets.countDocuments(filter),
    ]);
    return { items: items.map((ticket) => summaryOf(ticket, now)), total, page: query.page, limit: query.limit };
  });
}
