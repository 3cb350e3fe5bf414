import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { readConfigSection } from '../../core/config/config-section.js';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { Sequences } from '../../core/database/sequences.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { SupportTicket } from '../../modules/support/schemas/support-ticket.schema.js';
import { slaDueTimes } from '../../modules/support/sla.js';
import { SupportConfig } from '../../modules/support/support.config.js';
import type { TicketStatus } from '../../modules/support/ticket.lifecycle.js';
import { formatTicketNumber, TICKET_CATEGORIES, TICKET_PRIORITIES, ticketCounterName } from '../../modules/support/ticket-fields.js';
import type { SeedProgress } from '../seed-progress.js';

const DAY_MS = 86_400_000;
const BATCH = 200;

/** How a realistic desk looks: most tickets finished, some in flight, a few waiting. */
const STATUS_PATH: Record<TicketStatus, TicketStatus[]> = {
  open: ['open'],
  in_progress: ['open', 'in_progress'],
  waiting_on_customer: ['open', 'in_progress', 'waiting_on_customer'],
  resolved: ['open', 'in_progress', 'resolved'],
  closed: ['open', 'in_progress', 'resolved', 'closed'],
};
const STATUS_WEIGHTS: { value: TicketStatus; weight: number }[] = [
  { value: 'open', weight: 2 },
  { value: 'in_progress', weight: 2 },
  { value: 'waiting_on_customer', weight: 1 },
  { value: 'resolved', weight: 3 },
  { value: 'closed', weight: 4 },
];

interface Person {
  id: string;
  email: string;
  displayName: string;
}

const REQUESTER_POOL = 500;

/** `--tickets N`: tickets from the demo user and seeded users, worked by the seeded staff. */
export async function seedSupport(app: INestApplicationContext, count: number, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const people = async (filter: Record<string, unknown>, limit: number): Promise<Person[]> =>
    (await users.find(filter, { email: 1, profile: 1 }).sort({ _id: 1 }).limit(limit).lean<User[]>()).map((user) => ({
      id: user._id.toString(),
      email: user.email,
      displayName: user.profile?.displayName ?? user.email,
    }));
  if (!Number.isInteger(count) || count < 0) throw new Error('--tickets takes a whole number');
  // The demo user first, so signing in as user@atrium.test shows tickets.
  const demo = await people({ email: 'user@atrium.test' }, 1);
  const requesters = [...demo, ...(await people({ role: 'user', email: trusted({ $ne: 'user@atrium.test' }) }, REQUESTER_POOL))];
  const staff = await people({ role: trusted({ $in: ['staff', 'admin'] }) }, 50);
  const tickets = app.get<Model<SupportTicket>>(getModelToken(SupportTicket.name));
  return seedTickets(tickets, app.get(Sequences), requesters, staff, count, progress);
}

const seededId = (index: number) => new Types.ObjectId(createHash('sha256').update(`seed-ticket:${index}`).digest('hex').slice(0, 24));

/**
 * `count` tickets from the given requesters, worked by the given staff, over the last four months.
 * Ids derive from the index, so a rerun finds them and inserts nothing; numbers come from the same per-year counter the API uses, drawn only for tickets not yet present.
 */
export async function seedTickets(
  tickets: Model<SupportTicket>,
  sequences: Sequences,
  requesters: Person[],
  staff: Person[],
  count: number,
  progress: SeedProgress,
): Promise<number> {
  if (count === 0 || requesters.length === 0) return 0;
  const config = readConfigSection(SupportConfig);
  progress.start('tickets', count);
  let inserted = 0;
  for (let start = 0; start < count; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => start + offset);
    const present = new Set(
      (await tickets.find({ _id: trusted({ $in: indexes.map(seededId) }) }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>()).map((row) =>
        row._id.toString(),
      ),
    );
    const documents = [];
    for (const index of indexes.filter((candidate) => !present.has(seededId(candidate).toString())))
      documents.push(await ticketAt(index, sequences, requesters, staff, config));
    inserted += await insertManySkippingDuplicates(tickets, documents, { timestamps: false });
    progress.advance(indexes.length);
  }
  progress.stop();
  return inserted;
}

async function ticketAt(index: number, sequences: Sequences, requesters: Person[], staff: Person[], config: SupportConfig) {
  faker.seed(10_000 + index);
  const requester = requesters[index % requesters.length];
  const agent = staff.length > 0 ? faker.helpers.arrayElement(staff) : undefined;
  const status = faker.helpers.weightedArrayElement(STATUS_WEIGHTS);
  const priority = faker.helpers.arrayElement(TICKET_PRIORITIES);
  const createdAt = new Date(Date.now() - faker.number.int({ min: 1, max: 120 }) * DAY_MS - faker.number.int({ max: DAY_MS }));
  const sla = slaDueTimes(priority, createdAt, config);
  const year = createdAt.getUTCFullYear();
  const ticketNumber = formatTicketNumber(year, await sequences.next(ticketCounterName(year)));
  const path = STATUS_PATH[status];
  const stepMs = faker.number.int({ min: 1, max: 20 }) * 3_600_000;
  // Each step of the ticket's history a few hours after the last, never in the future.
  const at = (step: number) => new Date(Math.min(Date.now(), createdAt.getTime() + step * stepMs));
  const answered = path.length > 1 && agent !== undefined;
  const messages = [
    {
      _id: new Types.ObjectId(),
      authorId: new Types.ObjectId(requester.id),
      authorRole: 'customer',
      authorName: requester.displayName,
      body: faker.lorem.paragraph(),
      attachments: [],
      createdAt,
    },
    ...(answered
      ? [
          {
            _id: new Types.ObjectId(),
            authorId: new Types.ObjectId(agent.id),
            authorRole: 'staff',
            authorName: agent.displayName,
            body: faker.lorem.paragraph(),
            attachments: [],
            createdAt: at(1),
          },
        ]
      : []),
  ];
  const notes =
    answered && faker.datatype.boolean()
      ? [{ _id: new Types.ObjectId(), authorId: new Types.ObjectId(agent.id), body: faker.lorem.sentence(), createdAt: at(1) }]
      : [];
  const finished = status === 'resolved' || status === 'closed';
  const origin = (step: number) => ({
    trigger: step === 0 ? ('owner' as const) : ('staff' as const),
    source: step === 0 ? 'api' : 'staff',
    actorId: step === 0 ? requester.id : agent?.id,
  });
  return {
    _id: seededId(index),
    ticketNumber,
    requesterId: new Types.ObjectId(requester.id),
    requesterEmail: requester.email,
    requesterName: requester.displayName,
    subject: faker.hacker.phrase().slice(0, 200),
    category: faker.helpers.arrayElement(TICKET_CATEGORIES),
    priority,
    status,
    assigneeId: answered ? new Types.ObjectId(agent.id) : undefined,
    messages,
    messageCount: messages.length,
    notes,
    noteCount: notes.length,
    lastMessageAt: messages.at(-1)!.createdAt,
    ...sla,
    slaDueAt: answered ? sla.resolutionDueAt : sla.firstResponseDueAt,
    firstRespondedAt: answered ? at(1) : undefined,
    resolvedAt: finished ? at(2) : undefined,
    closedAt: status === 'closed' ? at(3) : undefined,
    resolutionSummary: finished ? faker.lorem.sentence() : undefined,
    satisfaction:
      finished && faker.datatype.boolean()
        ? { rating: faker.number.int({ min: 1, max: 5 }), comment: faker.lorem.sentence(), ratedAt: at(3) }
        : undefined,
    audit: path.map((to, step) => auditEntry(step === 0 ? null : path[step - 1], to, origin(step), step === 0 ? createdAt : at(step))),
    createdAt,
    updatedAt: at(path.length),
  };
}
