import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Connection, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { auditEntry, type AuditEntry, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { LearningSession, type ReminderKind } from '../../modules/sessions/schemas/learning-session.schema.js';
import { SessionStanding } from '../../modules/sessions/session-standing.js';
import type { SessionStatus } from '../../modules/sessions/session.lifecycle.js';
import type { SeedProgress } from '../seed-progress.js';

export const SESSIONS_TO_SEED = 3_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Longer than the longest seeded session (90 minutes). */
const SLOT_MS = 2 * HOUR_MS;
const LEARNER_POOL = 600;
/** Users who teach when no learner profile says who teaches what (the learning seed did not run). */
const FALLBACK_TEACHERS = 40;
const BATCH = 500;
/** The demo learner books every 25th session, so signing in as them shows a full calendar. */
const DEMO_LEARNER_EMAIL = 'user@atrium.test';
const DEMO_EVERY = 25;

/** How often each status appears, in the order a learning platform's history has them. */
const STATUS_MIX: readonly [SessionStatus, number][] = [
  ['completed', 50],
  ['scheduled', 25],
  ['cancelled', 13],
  ['no_show', 7],
  ['ongoing', 3],
  ['paused', 2],
];

type Offer = { teacher: Types.ObjectId; skill: Types.ObjectId; rate?: { amount: number; currency: string } };

const seededId = (index: number) => new Types.ObjectId(createHash('sha256').update(`seed-session:${index}`).digest('hex').slice(0, 24));

/**
 * Seeds learning sessions between seeded users in every status, over the teaching offers the learning seed
 * made (or, without it, over the active skills and a few users as teachers). Ids derive from the index, so a
 * rerun inserts nothing; the standings of the teachers and skills involved are then published as feedback would.
 */
export async function seedSessions(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const connection = app.get<Connection>(getConnectionToken());
  const sessions = app.get<Model<LearningSession>>(getModelToken(LearningSession.name));
  const learners = (
    await connection
      .collection('users')
      .find({ role: 'user' }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(LEARNER_POOL)
      .toArray()
  ).map((user) => user._id as Types.ObjectId);
  const offers = await offersOf(connection, learners);
  if (offers.length === 0 || learners.length < 2) return 0;
  const demo = (await connection.collection('users').findOne({ email: DEMO_LEARNER_EMAIL }, { projection: { _id: 1 } }))?._id as
    Types.ObjectId | undefined;
  const now = Date.now();
  // Sessions under way right now would clash when two share a participant: the later ones of such a pair are seeded
  // as completed instead (decided over every index, so a rerun decides the same).
  const demoted = liveClashes(offers, learners, now, demo);
  progress.start('sessions', SESSIONS_TO_SEED);
  let inserted = 0;
  for (let from = 0; from < SESSIONS_TO_SEED; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, SESSIONS_TO_SEED - from) }, (_, i) => from + i);
    const present = new Set(
      (await sessions.find({ _id: trusted({ $in: indexes.map(seededId) }) }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>()).map((row) =>
        row._id.toString(),
      ),
    );
    const documents = indexes
      .filter((index) => !present.has(seededId(index).toString()))
      .map((index) => sessionAt(index, offers, learners, now, demoOf(index, demo), demoted.has(index)))
      .filter((document) => document !== undefined);
    inserted += await insertManySkippingDuplicates(sessions, documents, { timestamps: false });
    progress.advance(indexes.length);
  }
  progress.stop();
  if (inserted > 0) await publishStandings(app, sessions);
  return inserted;
}

/** Who teaches what at which rate: the learner profiles' teaching skills, else active skills taught by the first users. */
async function offersOf(connection: Connection, users: Types.ObjectId[]): Promise<Offer[]> {
  type Profile = {
    userId: Types.ObjectId;
    teachingSkills?: { skill: Types.ObjectId; hourlyRate?: { amount: number; currency: string } }[];
  };
  const profiles = (await connection
    .collection('learnerprofiles')
    .find({ 'teachingSkills.0': { $exists: true } }, { projection: { userId: 1, teachingSkills: 1 } })
    .sort({ _id: 1 })
    .limit(500)
    .toArray()) as unknown as Profile[];
  const offers = profiles.flatMap((profile) =>
    (profile.teachingSkills ?? []).map((taught) => ({ teacher: profile.userId, skill: taught.skill, rate: taught.hourlyRate })),
  );
  if (offers.length > 0) return offers;
  const skills = (
    await connection
      .collection('skills')
      .find({ status: 'active' }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(100)
      .toArray()
  ).map((skill) => skill._id as Types.ObjectId);
  faker.seed(69_999);
  return users.slice(0, FALLBACK_TEACHERS).flatMap((teacher) =>
    faker.helpers.arrayElements(skills, { min: 0, max: Math.min(3, skills.length) }).map((skill) => ({
      teacher,
      skill,
      rate: faker.datatype.boolean(0.8) ? { amount: faker.number.int({ min: 15, max: 90 }) * 100, currency: 'EUR' } : undefined,
    })),
  );
}

function pickStatus(): SessionStatus {
  let roll = faker.number.int({ min: 1, max: STATUS_MIX.reduce((sum, [, weight]) => sum + weight, 0) });
  for (const [status, weight] of STATUS_MIX) if ((roll -= weight) <= 0) return status;
  return 'completed';
}

const demoOf = (index: number, demo: Types.ObjectId | undefined) => (index % DEMO_EVERY === 0 ? demo : undefined);
const LIVE: readonly SessionStatus[] = ['ongoing', 'paused'];

/** The indexes whose live session would share a participant with an earlier live one. */
function liveClashes(offers: Offer[], learners: Types.ObjectId[], now: number, demo?: Types.ObjectId): Set<number> {
  const busy = new Set<string>();
  const demoted = new Set<number>();
  for (let index = 0; index < SESSIONS_TO_SEED; index++) {
    const drawn = sessionAt(index, offers, learners, now, demoOf(index, demo), false);
    if (!drawn || !LIVE.includes(drawn.status)) continue;
    const people = [drawn.participants.teacher.toString(), drawn.participants.learner.toString()];
    if (people.some((id) => busy.has(id))) demoted.add(index);
    else for (const id of people) busy.add(id);
  }
  return demoted;
}

function sessionAt(
  index: number,
  offers: Offer[],
  learners: Types.ObjectId[],
  now: number,
  demo: Types.ObjectId | undefined,
  demoted: boolean,
) {
  faker.seed(70_000 + index);
  const offer = faker.helpers.arrayElement(offers);
  const drawn = faker.helpers.arrayElement(learners.filter((id) => !id.equals(offer.teacher)));
  const learner = demo && !demo.equals(offer.teacher) ? demo : drawn;
  if (!learner) return undefined;
  const picked = pickStatus();
  const status: SessionStatus = demoted && LIVE.includes(picked) ? 'completed' : picked;
  const minutes = faker.helpers.arrayElement([30, 45, 60, 60, 90]);
  const hourAligned = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
  // Each index has its own two-hour slot (ahead for scheduled ones, behind for the rest), so no participant is
  // booked twice at once; sessions under way started minutes ago.
  const minutesAgo = faker.number.int({ min: 5, max: 25 });
  const slot = (index + 1) * SLOT_MS;
  const start = new Date(
    status === 'scheduled'
      ? hourAligned(now) + slot
      : LIVE.includes(status)
        ? now - minutesAgo * MINUTE_MS
        : hourAligned(now) - slot - SLOT_MS,
  );
  const end = new Date(start.getTime() + minutes * MINUTE_MS);
  const bookedAt = new Date(start.getTime() - faker.number.int({ min: 1, max: 14 }) * DAY_MS);
  const teacherId = offer.teacher.toString();
  const learnerId = learner.toString();
  const by = (trigger: TransitionOrigin['trigger'], actorId?: string, reason?: string): TransitionOrigin => ({
    trigger,
    source: trigger === 'system' ? 'job' : 'api',
    actorId,
    reason,
  });
  const audit: AuditEntry<SessionStatus>[] = [auditEntry(null, 'scheduled', by('owner', learnerId), bookedAt)];
  const ran = status === 'completed' || status === 'ongoing' || status === 'paused';
  if (ran) audit.push(auditEntry('scheduled', 'ongoing', by('participant', teacherId), start));
  if (status === 'paused') audit.push(auditEntry('ongoing', 'paused', by('participant', teacherId), new Date(now - 2 * MINUTE_MS)));
  if (status === 'completed') audit.push(auditEntry('ongoing', 'completed', by('participant', teacherId), end));
  const cancelledBy = faker.helpers.arrayElement([learner, offer.teacher]);
  const cancelledAt = new Date(Math.min(now, start.getTime()) - faker.number.int({ min: 1, max: 48 }) * HOUR_MS);
  const reason = faker.helpers.arrayElement(['Something came up at work.', 'Feeling unwell.', 'Travelling that week.']);
  if (status === 'cancelled')
    audit.push(auditEntry('scheduled', 'cancelled', by('participant', cancelledBy.toString(), reason), cancelledAt));
  const absentees = faker.helpers.arrayElement([['teacher'], ['learner'], ['teacher', 'learner']] as ('teacher' | 'learner')[][]);
  if (status === 'no_show')
    audit.push(
      auditEntry('scheduled', 'no_show', by('system', undefined, 'nobody started it'), new Date(start.getTime() + 15 * MINUTE_MS)),
    );
  const rated = status === 'completed' && faker.datatype.boolean(0.7);
  const ratingAt = new Date(end.getTime() + faker.number.int({ min: 10, max: 600 }) * MINUTE_MS);
  const rating = () => ({
    rating: faker.helpers.weightedArrayElement([
      { value: 5, weight: 5 },
      { value: 4, weight: 3 },
      { value: 3, weight: 1 },
      { value: 2, weight: 0.5 },
      { value: 1, weight: 0.3 },
    ]),
    comment: faker.datatype.boolean(0.5) ? faker.lorem.sentence() : undefined,
    at: ratingAt,
  });
  const _id = seededId(index);
  const amount = offer.rate ? Math.round((offer.rate.amount * minutes) / 60) : 0;
  // A fresh seed does not send a burst of reminders for the sessions starting within a day.
  const remindersSent: ReminderKind[] = status === 'scheduled' && start.getTime() - now < DAY_MS ? ['24h', '15m'] : [];
  return {
    _id,
    participants: { teacher: offer.teacher, learner },
    skill: offer.skill,
    schedule: {
      startTime: start,
      endTime: end,
      timezone: faker.helpers.arrayElement(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC']),
    },
    status,
    activity: {
      joinedAt: ran
        ? { teacher: start, learner: new Date(start.getTime() + MINUTE_MS) }
        : status === 'no_show' && absentees.length === 1
          ? { [absentees[0] === 'teacher' ? 'learner' : 'teacher']: start }
          : {},
      ...(ran ? { actualStartTime: start } : {}),
      ...(status === 'completed' ? { actualEndTime: end } : {}),
      ...(status === 'paused' ? { pausedAt: new Date(now - 2 * MINUTE_MS) } : {}),
      pausedMinutes: 0,
      rescheduling: [],
    },
    ...(status === 'cancelled' ? { cancellation: { cancelledBy, cancelledAt, reason } } : {}),
    ...(status === 'no_show' ? { absentees } : {}),
    videoRoom: {
      videoRoomId: `seed-${_id.toString()}`,
      joinUrl: `https://meet.atrium.local/r/seed-${_id.toString()}`,
      password: faker.string.alphanumeric(10),
    },
    pricing: {
      amount,
      currency: offer.rate?.currency ?? 'EUR',
      ...(amount === 0
        ? { paymentStatus: 'waived' }
        : ran || status === 'no_show'
          ? { paymentStatus: 'paid' }
          : { paymentStatus: status === 'cancelled' ? 'refunded' : 'pending' }),
    },
    notes: faker.datatype.boolean(0.3) ? faker.lorem.sentences(2) : undefined,
    feedback: rated ? { learner: rating(), ...(faker.datatype.boolean(0.6) ? { teacher: rating() } : {}) } : {},
    remindersSent,
    audit,
    createdAt: bookedAt,
    updatedAt: audit[audit.length - 1].at,
  };
}

/** One completed session per teacher and per skill recomputes and publishes their standing (leaderboards, skill statistics). */
async function publishStandings(app: INestApplicationContext, sessions: Model<LearningSession>): Promise<void> {
  const standing = app.get(SessionStanding);
  for (const field of ['participants.teacher', 'skill']) {
    const picks = await sessions.aggregate<{ _id: Types.ObjectId; session: Types.ObjectId }>([
      { $match: { status: 'completed' } },
      { $group: { _id: `$${field}`, session: { $first: '$_id' } } },
    ]);
    for (const pick of picks) await standing.recomputeFor(pick.session, 'seed');
  }
}
