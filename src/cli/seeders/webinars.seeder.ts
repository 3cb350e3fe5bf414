import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { auditEntry, type AuditEntry, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { newManageToken } from '../../modules/webinars/manage-tokens.js';
import type { RegistrationStatus } from '../../modules/webinars/registration.lifecycle.js';
import { WebinarRegistration } from '../../modules/webinars/schemas/webinar-registration.schema.js';
import { Webinar } from '../../modules/webinars/schemas/webinar.schema.js';
import type { WebinarStatus } from '../../modules/webinars/webinar.lifecycle.js';
import type { ReminderKind } from '../../modules/webinars/webinars.events.js';
import type { SeedProgress } from '../seed-progress.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const DEMO_EMAIL = 'user@atrium.test';
const MEMBER_POOL = 300;

interface WebinarPlan {
  title: string;
  status: WebinarStatus;
  /** Minutes from now to the start (negative: it started in the past). */
  startsIn: number;
  durationMinutes: number;
  capacity: number;
  /** How many people signed up, in order; the seats and the waitlist follow from the capacity. */
  signups: number;
  /** Share of the sign-ups who canceled before the start. */
  cancelRate: number;
  /** Share of the seated registrants who joined (live and ended webinars). */
  attendRate: number;
  /** The demo user is among the first to register. */
  withDemoUser?: boolean;
}

/** One webinar in each state; two of them full, with a waitlist. */
const PLANS: WebinarPlan[] = [
  {
    title: 'Atrium 2027 roadmap preview',
    status: 'draft',
    startsIn: 30 * 24 * 60,
    durationMinutes: 60,
    capacity: 200,
    signups: 0,
    cancelRate: 0,
    attendRate: 0,
  },
  {
    title: 'Building agents that answer from your docs',
    status: 'scheduled',
    startsIn: 4 * 24 * 60,
    durationMinutes: 60,
    capacity: 60,
    signups: 42,
    cancelRate: 0.08,
    attendRate: 0,
    withDemoUser: true,
  },
  {
    title: 'Prompt design workshop (hands-on)',
    status: 'scheduled',
    startsIn: 9 * 24 * 60,
    durationMinutes: 90,
    capacity: 25,
    signups: 40,
    cancelRate: 0.15,
    attendRate: 0,
  },
  {
    title: 'Live: shipping a support bot in an hour',
    status: 'live',
    startsIn: -25,
    durationMinutes: 90,
    capacity: 80,
    signups: 55,
    cancelRate: 0.06,
    attendRate: 0.7,
    withDemoUser: true,
  },
  {
    title: 'Evaluating LLM answers at scale',
    status: 'ended',
    startsIn: -6 * 24 * 60,
    durationMinutes: 60,
    capacity: 40,
    signups: 55,
    cancelRate: 0.1,
    attendRate: 0.65,
    withDemoUser: true,
  },
  {
    title: 'Atrium for teams: roles, billing and audit',
    status: 'ended',
    startsIn: -35 * 24 * 60,
    durationMinutes: 45,
    capacity: 150,
    signups: 90,
    cancelRate: 0.07,
    attendRate: 0.55,
  },
  {
    title: 'Image tools deep dive',
    status: 'canceled',
    startsIn: 12 * 24 * 60,
    durationMinutes: 60,
    capacity: 30,
    signups: 18,
    cancelRate: 0.1,
    attendRate: 0,
  },
];

const HOSTS = [
  { name: 'Ada Byron', title: 'Solutions engineer' },
  { name: 'Linus Okafor', title: 'Developer advocate' },
  { name: 'Mei Tanaka', title: 'Product manager' },
];

interface Person {
  email: string;
  name: string;
  userId?: Types.ObjectId;
}

export interface WebinarModels {
  webinars: Model<Webinar>;
  registrations: Model<WebinarRegistration>;
}

const seededId = (kind: string, ...parts: number[]) =>
  new Types.ObjectId(
    createHash('sha256')
      .update(`seed-${kind}:${parts.join(':')}`)
      .digest('hex')
      .slice(0, 24),
  );

/** Seeds webinars in every state with their registrations; answers how many documents were new. */
export async function seedWebinars(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const toPerson = (user: User): Person => ({
    email: user.email.toLowerCase(),
    name: user.profile?.displayName ?? 'Atrium member',
    userId: user._id,
  });
  const demo = (await users.find({ email: DEMO_EMAIL }, { email: 1, profile: 1 }).lean<User[]>()).map(toPerson);
  const members = (
    await users
      .find({ role: 'user', email: trusted({ $ne: DEMO_EMAIL }) }, { email: 1, profile: 1 })
      .sort({ _id: 1 })
      .limit(MEMBER_POOL)
      .lean<User[]>()
  ).map(toPerson);
  const staff = (
    await users
      .find({ role: trusted({ $in: ['staff', 'admin'] }) }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(20)
      .lean<User[]>()
  ).map((user) => user._id.toString());
  const models: WebinarModels = {
    webinars: app.get(getModelToken(Webinar.name)),
    registrations: app.get(getModelToken(WebinarRegistration.name)),
  };
  return seedWebinarData(models, demo[0], members, staff, progress);
}

/**
 * Ids derive from the plan's index, so a rerun finds the webinars and inserts nothing. Each webinar's
 * registrations go in before it, so one cut short by a crash is completed by the rerun; the seat and
 * waitlist counters are those the registrations' history leaves, as the seat logic would have.
 */
export async function seedWebinarData(
  models: WebinarModels,
  demo: Person | undefined,
  members: Person[],
  staff: string[],
  progress: SeedProgress,
): Promise<number> {
  progress.start('webinars', PLANS.length);
  const present = new Set(
    (
      await models.webinars
        .find({ _id: trusted({ $in: PLANS.map((_, index) => seededId('webinar', index)) }) }, { _id: 1 })
        .lean<{ _id: Types.ObjectId }[]>()
    ).map((row) => row._id.toString()),
  );
  let inserted = 0;
  for (const [index, plan] of PLANS.entries()) {
    if (!present.has(seededId('webinar', index).toString())) {
      const { webinar, registrations } = webinarAt(index, plan, demo, members, staff);
      inserted += await insertManySkippingDuplicates(models.registrations, registrations, { timestamps: false });
      inserted += await insertManySkippingDuplicates(models.webinars, [webinar], { timestamps: false });
    }
    progress.advance(1);
  }
  progress.stop();
  return inserted;
}

interface SimulatedRegistration {
  person: Person;
  status: RegistrationStatus;
  waitlistSequence?: number;
  seatReleasedAt?: Date;
  canceledAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  audit: AuditEntry<RegistrationStatus>[];
}

function webinarAt(index: number, plan: WebinarPlan, demo: Person | undefined, members: Person[], staff: string[]) {
  faker.seed(50_000 + index);
  const now = Date.now();
  const _id = seededId('webinar', index);
  const startsAt = new Date(now + plan.startsIn * MINUTE_MS);
  const endsAt = new Date(startsAt.getTime() + plan.durationMinutes * MINUTE_MS);
  const host = staff.length > 0 ? faker.helpers.arrayElement(staff) : undefined;
  const staffOrigin = (reason?: string): TransitionOrigin => ({ trigger: 'staff', source: 'staff', actorId: host, reason });
  const createdAt = new Date(Math.min(now - 3 * DAY_MS, startsAt.getTime() - 30 * DAY_MS));
  const publishedAt = new Date(createdAt.getTime() + 2 * DAY_MS);
  const canceledAt = plan.status === 'canceled' ? new Date(now - DAY_MS) : undefined;
  // Sign-ups run from publication until the start (or the cancellation, or now).
  const closesAt = Math.min(startsAt.getTime(), canceledAt?.getTime() ?? Infinity, now);

  const audit: AuditEntry<WebinarStatus>[] = [auditEntry(null, 'draft', staffOrigin(), createdAt)];
  if (plan.status !== 'draft') audit.push(auditEntry('draft', 'scheduled', staffOrigin(), publishedAt));
  if (plan.status === 'live' || plan.status === 'ended') audit.push(auditEntry('scheduled', 'live', staffOrigin(), startsAt));
  if (plan.status === 'ended') audit.push(auditEntry('live', 'ended', staffOrigin(), endsAt));
  if (canceledAt) audit.push(auditEntry('scheduled', 'canceled', staffOrigin('The speaker is unavailable.'), canceledAt));

  const people = registrantsOf(index, plan, demo, members);
  const { registrations, seatsTaken, waitlistSequence } = simulateSignups(plan, people, publishedAt.getTime(), closesAt, staff);
  const documents = registrations.map((registration, slot) =>
    registrationDocument(index, slot, registration, { _id, plan, startsAt, endsAt, canceledAt, now }),
  );
  const webinar = {
    _id,
    title: plan.title,
    description: `${plan.title}. ${faker.lorem.paragraphs(2)}`.slice(0, 5000),
    hosts: faker.helpers.arrayElements(HOSTS, { min: 1, max: 2 }),
    startsAt,
    durationMinutes: plan.durationMinutes,
    endsAt,
    timezone: faker.helpers.arrayElement(['Europe/Berlin', 'America/New_York', 'UTC']),
    capacity: plan.capacity,
    seatsTaken,
    waitlistSequence,
    meeting: { joinUrl: `https://meet.atrium-demo.com/webinar-${index + 1}`, details: `Passcode ${faker.string.numeric(4)}` },
    status: plan.status,
    audit,
    createdAt,
    updatedAt: audit[audit.length - 1].at,
  };
  return { webinar, registrations: documents };
}

/** Distinct addresses: the demo user first when the plan says so, then members, then guests without an account. */
function registrantsOf(index: number, plan: WebinarPlan, demo: Person | undefined, members: Person[]): Person[] {
  const people: Person[] = plan.withDemoUser && demo ? [demo] : [];
  const fromMembers = faker.helpers.shuffle(members).slice(0, Math.floor(plan.signups * 0.6));
  people.push(...fromMembers.slice(0, plan.signups - people.length));
  for (let guest = 0; people.length < plan.signups; guest++)
    people.push({ email: `seed.registrant.${index}.${guest}@example.com`, name: faker.person.fullName() });
  return people;
}

/**
 * Sign-ups and cancellations in time order, through the same rules as the seat counter: a seat while
 * one is free, else the waitlist (each joiner drawing the next number); a seated cancellation gives
 * its seat back once and the waitlist's head takes it.
 */
function simulateSignups(plan: WebinarPlan, people: Person[], opensAt: number, closesAt: number, staff: string[]) {
  type Step = { at: number; kind: 'register' | 'cancel'; slot: number };
  const steps: Step[] = [];
  const span = Math.max(1, closesAt - opensAt);
  people.forEach((_, slot) => {
    // Earlier slots register earlier, so the demo user (slot 0) holds a seat.
    const at = opensAt + Math.floor(((slot + faker.number.float()) / (people.length + 1)) * span);
    steps.push({ at, kind: 'register', slot });
    if (slot > 0 && faker.number.float() < plan.cancelRate)
      steps.push({ at: at + Math.floor(faker.number.float() * (closesAt - at)), kind: 'cancel', slot });
  });
  steps.sort((a, b) => a.at - b.at || (a.kind === b.kind ? a.slot - b.slot : a.kind === 'register' ? -1 : 1));

  const registrations: SimulatedRegistration[] = [];
  const bySlot = new Map<number, SimulatedRegistration>();
  let seatsTaken = 0;
  let waitlistSequence = 0;
  const owner: TransitionOrigin = { trigger: 'owner', source: 'api' };
  for (const step of steps) {
    const at = new Date(step.at);
    if (step.kind === 'register') {
      const person = people[step.slot];
      const seated = seatsTaken < plan.capacity;
      if (seated) seatsTaken++;
      const status: RegistrationStatus = seated ? 'confirmed' : 'waitlisted';
      const registration: SimulatedRegistration = {
        person,
        status,
        waitlistSequence: seated ? undefined : ++waitlistSequence,
        createdAt: at,
        updatedAt: at,
        audit: [auditEntry(null, status, { ...owner, actorId: person.userId?.toString() }, at)],
      };
      registrations.push(registration);
      bySlot.set(step.slot, registration);
      continue;
    }
    const registration = bySlot.get(step.slot)!;
    const byStaff = staff.length > 0 && faker.number.float() < 0.2;
    const origin: TransitionOrigin = byStaff
      ? { trigger: 'staff', source: 'staff', actorId: faker.helpers.arrayElement(staff) }
      : { ...owner, actorId: registration.person.userId?.toString() };
    const wasSeated = registration.status === 'confirmed';
    registration.audit.push(auditEntry(registration.status, 'canceled', origin, at));
    registration.status = 'canceled';
    registration.canceledAt = at;
    registration.updatedAt = at;
    if (!wasSeated) continue;
    registration.seatReleasedAt = at;
    seatsTaken--;
    const head = registrations
      .filter((candidate) => candidate.status === 'waitlisted')
      .sort((a, b) => a.waitlistSequence! - b.waitlistSequence!)[0];
    if (!head) continue;
    seatsTaken++;
    head.status = 'confirmed';
    head.waitlistSequence = undefined;
    head.updatedAt = at;
    head.audit.push(auditEntry('waitlisted', 'confirmed', { trigger: 'system', source: 'system', reason: 'a seat freed up' }, at));
  }
  return { registrations, seatsTaken, waitlistSequence };
}

/** The stored registration: for a live or ended webinar, who joined, for how long, what they did and what they thought. */
function registrationDocument(
  index: number,
  slot: number,
  registration: SimulatedRegistration,
  webinar: { _id: Types.ObjectId; plan: WebinarPlan; startsAt: Date; endsAt: Date; canceledAt?: Date; now: number },
) {
  const { plan, startsAt, endsAt, now } = webinar;
  const started = plan.status === 'live' || plan.status === 'ended';
  let status = registration.status;
  const audit = [...registration.audit];
  let updatedAt = registration.updatedAt;
  let attendance: Record<string, unknown> = { minutes: 0, visits: 0 };
  let engagement = { questions: 0, pollAnswers: 0, chatMessages: 0 };
  let feedback: { rating: number; comment?: string; givenAt: Date } | undefined;

  if (started && status === 'confirmed' && (slot === 0 || faker.number.float() < plan.attendRate)) {
    status = 'attended';
    // Joined between a few minutes early and the first quarter of the webinar (and never after now).
    const until = Math.min(endsAt.getTime(), now);
    const firstJoinedAt = new Date(
      Math.min(until - MINUTE_MS, startsAt.getTime() + faker.number.int({ min: -10, max: plan.durationMinutes / 4 }) * MINUTE_MS),
    );
    const visits = faker.helpers.weightedArrayElement([
      { value: 1, weight: 6 },
      { value: 2, weight: 3 },
      { value: 3, weight: 1 },
    ]);
    const inNow = plan.status === 'live' && faker.number.float() < 0.6;
    const available = Math.max(1, Math.floor((until - firstJoinedAt.getTime()) / MINUTE_MS));
    let leftAt: Date;
    if (inNow) {
      // In the webinar now: the minutes are those of the visits that ended before the open one.
      const earlier = visits > 1 ? Math.floor(available / 2) : 0;
      leftAt = new Date(firstJoinedAt.getTime() + earlier * MINUTE_MS);
      const joinedAt = visits > 1 ? new Date(leftAt.getTime() + Math.floor(((available - earlier) * MINUTE_MS) / 2)) : firstJoinedAt;
      attendance = { firstJoinedAt, joinedAt, ...(visits > 1 ? { leftAt } : {}), minutes: earlier, visits };
      updatedAt = joinedAt;
    } else {
      const minutes = Math.min(available, Math.round(available * faker.number.float({ min: 0.4, max: 1 })));
      leftAt = new Date(Math.min(until, firstJoinedAt.getTime() + minutes * MINUTE_MS));
      attendance = { firstJoinedAt, leftAt, minutes, visits };
      updatedAt = leftAt;
    }
    engagement = {
      questions: faker.helpers.weightedArrayElement([
        { value: 0, weight: 6 },
        { value: 1, weight: 3 },
        { value: 2, weight: 1 },
      ]),
      pollAnswers: faker.number.int({ min: 0, max: 3 }),
      chatMessages: faker.number.int({ min: 0, max: 8 }),
    };
    audit.push(
      auditEntry(
        'confirmed',
        'attended',
        { trigger: 'owner', source: 'api', actorId: registration.person.userId?.toString() },
        firstJoinedAt,
      ),
    );
    const feedbackRate = plan.status === 'ended' ? 0.5 : inNow ? 0 : 0.15;
    if (faker.number.float() < feedbackRate) {
      const givenAt = new Date(Math.min(now, leftAt.getTime() + faker.number.int({ min: 1, max: 120 }) * MINUTE_MS));
      feedback = {
        rating: faker.helpers.weightedArrayElement([
          { value: 5, weight: 5 },
          { value: 4, weight: 4 },
          { value: 3, weight: 2 },
          { value: 2, weight: 1 },
          { value: 1, weight: 1 },
        ]),
        comment: faker.helpers.maybe(() => faker.lorem.sentence(), { probability: 0.6 }),
        givenAt,
      };
      updatedAt = givenAt;
    }
  }
  // Seated registrants got the reminders due before the start; the canceled webinar's registrants were told once.
  const reminders: ReminderKind[] =
    started && (status === 'confirmed' || status === 'attended')
      ? registration.createdAt.getTime() < startsAt.getTime() - DAY_MS
        ? ['24h', '1h']
        : ['1h']
      : [];
  const canceledNoticeAt = webinar.canceledAt && status !== 'canceled' ? webinar.canceledAt : undefined;
  return {
    _id: seededId('webinar-registration', index, slot),
    webinarId: webinar._id,
    scheduledDate: startsAt,
    email: registration.person.email,
    name: registration.person.name.slice(0, 200),
    company: faker.helpers.maybe(() => faker.company.name().slice(0, 200), { probability: 0.5 }),
    userId: registration.person.userId,
    status,
    waitlistSequence: registration.waitlistSequence,
    manageTokenHash: newManageToken().tokenHash,
    attendance,
    engagement,
    feedback,
    reminders,
    seatReleasedAt: registration.seatReleasedAt,
    canceledNoticeAt,
    canceledAt: registration.canceledAt,
    audit,
    createdAt: registration.createdAt,
    updatedAt: new Date(Math.max(updatedAt.getTime(), canceledNoticeAt?.getTime() ?? 0)),
  };
}
