import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { anyOf } from '../../core/database/find-page.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { IllegalTransitionProblem, ValidationProblem } from '../../core/http/problem.js';
import { auditEntry, originOf } from '../../core/lifecycle/index.js';
import { TeacherDirectory } from '../learning/index.js';
import { SkillCatalogue } from '../skills/index.js';
import { CalendarLocks } from './calendar-locks.js';
import type { BookSessionDto, RescheduleSessionDto } from './dto/session-input.dto.js';
import type { LearningSessionDto } from './dto/session.dto.js';
import { VIDEO_ROOMS, type VideoRooms } from './providers/video-room.port.js';
import { LearningSession, MAX_RESCHEDULINGS } from './schemas/learning-session.schema.js';
import { SessionAccess } from './session-access.js';
import { SessionNotices } from './session-notices.js';
import { minutesBetween, priceOf, slotOf, slotProblem, type Price, type Slot } from './session-rules.js';
import { SLOT_HOLDING_STATUSES, sessionLifecycle } from './session.lifecycle.js';
import { roleIn, toSessionDto } from './session.mapper.js';
import { badTiming, slotTaken, unbookable } from './sessions-problems.js';

/**
 * Booking and rescheduling: the two writes that claim a slot in both participants' calendars. Each checks
 * the slot against the teacher's weekly availability (outside it: 422, a rule about the request, not a clash
 * with another booking), then, holding both calendars, against their other live sessions (a clash: 409).
 */
@Injectable()
export class BookingService {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    @Inject(VIDEO_ROOMS) private readonly rooms: VideoRooms,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly access: SessionAccess,
    private readonly locks: CalendarLocks,
    private readonly notices: SessionNotices,
    private readonly skills: SkillCatalogue,
    private readonly teachers: TeacherDirectory,
  ) {}

  async book(ctx: RequestContext, input: BookSessionDto): Promise<LearningSessionDto> {
    this.policy.require(ctx, 'session.book');
    const learnerId = actorOf(ctx).id;
    if (input.teacherId === learnerId)
      throw unbookable('self-booking', 'Cannot book yourself', 'A session needs a teacher other than you.');
    const slot = slotOf(input.startTime, input.endTime, input.durationMinutes);
    this.assertSlot(slot, input.endTime ? 'endTime' : 'durationMinutes');
    const skill = (await this.skills.summaries([input.skillId])).get(input.skillId);
    if (!skill || skill.status !== 'active')
      throw unbookable('skill-unavailable', 'Skill not bookable', 'The skill does not exist or is not active.');
    const offer = await this.teachers.teachingOffer(input.teacherId, input.skillId);
    if (!offer) throw unbookable('not-teaching', 'Skill not taught', 'This teacher does not teach this skill.');
    await this.assertAvailable(input.teacherId, slot);

    const id = new Types.ObjectId();
    const room = await this.rooms.create({ sessionId: id.toString(), startTime: slot.start, endTime: slot.end });
    const participants = { teacher: new Types.ObjectId(input.teacherId), learner: new Types.ObjectId(learnerId) };
    const schedule = { startTime: slot.start, endTime: slot.end, timezone: input.timezone };
    const notice = await this.notices.notice({ _id: id, participants, skill: new Types.ObjectId(input.skillId), schedule }, learnerId);
    const now = new Date();
    const created = await this.locks.withCalendars([input.teacherId, learnerId], async () => {
      await this.assertFree(participants, slot);
      return this.sessions.create({
        _id: id,
        participants,
        skill: new Types.ObjectId(input.skillId),
        schedule,
        videoRoom: room,
        pricing: priceOf(offer.hourlyRate, minutesBetween(slot.start, slot.end)),
        notes: input.notes,
        audit: [auditEntry(null, sessionLifecycle.table.initial, originOf(ctx, 'participant'), now)],
        effects: owedEffects(this.notices.booked(notice), now),
      });
    });
    const session = created.toObject<LearningSession>();
    await this.relay.deliver(this.sessions, session);
    return toSessionDto(session, learnerId);
  }

  /** Scheduled → scheduled at a new slot: compare-and-set on the status and the slot it was read with, the move kept in its history. */
  async reschedule(ctx: RequestContext, id: string, input: RescheduleSessionDto): Promise<LearningSessionDto> {
    const session = await this.access.load(ctx, id, 'session.reschedule');
    const actorId = actorOf(ctx).id;
    const trigger = roleIn(session, actorId) ? 'participant' : 'staff';
    if (session.status !== 'scheduled') throw new IllegalTransitionProblem('session', session.status, 'scheduled');
    sessionLifecycle.assertMove('scheduled', 'scheduled', trigger);
    if ((session.activity?.rescheduling?.length ?? 0) >= MAX_RESCHEDULINGS) throw this.tooManyReschedulings();
    const keptMinutes =
      input.endTime || input.durationMinutes ? undefined : minutesBetween(session.schedule.startTime, session.schedule.endTime);
    const slot = slotOf(input.startTime, input.endTime, input.durationMinutes ?? keptMinutes);
    this.assertSlot(slot, input.endTime ? 'endTime' : 'durationMinutes');
    // Once the booked start has passed the session is due to be held (or marked a no-show), not moved.
    if (session.schedule.startTime.getTime() <= Date.now())
      throw badTiming('reschedule-too-late', 'Too late to reschedule', 'The booked start has passed; the session can no longer be moved.');
    const teacherId = session.participants.teacher.toString();
    const pricing = await this.repriced(session, slot, teacherId);
    await this.assertAvailable(teacherId, slot);

    const now = new Date();
    const origin = originOf(ctx, trigger, input.reason ?? `rescheduled from ${session.schedule.startTime.toISOString()}`);
    const notice = await this.notices.notice(session, actorId, { startTime: slot.start, endTime: slot.end });
    const effects = this.notices.rescheduled({
      ...notice,
      previousStartsAt: session.schedule.startTime.toISOString(),
      rescheduleReason: input.reason,
    });
    const updated = await this.locks.withCalendars([teacherId, session.participants.learner.toString()], async () => {
      await this.assertFree(session.participants, slot, session._id);
      return this.sessions
        .findOneAndUpdate(
          {
            _id: session._id,
            status: 'scheduled',
            'schedule.startTime': session.schedule.startTime,
            'schedule.endTime': session.schedule.endTime,
            // A new price was computed for an unpaid session: a payment landing meanwhile fails the move.
            ...(pricing ? { 'pricing.paymentStatus': session.pricing.paymentStatus ?? trusted({ $exists: false }) } : {}),
            [`activity.rescheduling.${MAX_RESCHEDULINGS - 1}`]: trusted({ $exists: false }),
          } as QueryFilter<LearningSession>,
          {
            $set: {
              'schedule.startTime': slot.start,
              'schedule.endTime': slot.end,
              remindersSent: [],
              ...(pricing ? { 'pricing.amount': pricing.amount, 'pricing.currency': pricing.currency } : {}),
            },
            // Joins belong to the old slot: the new one starts with nobody in the room.
            $unset: { 'activity.joinedAt.teacher': 1, 'activity.joinedAt.learner': 1 },
            $push: {
              'activity.rescheduling': {
                from: session.schedule.startTime,
                to: slot.start,
                toEnd: slot.end,
                by: new Types.ObjectId(actorId),
                at: now,
                reason: input.reason,
              },
              audit: auditEntry('scheduled', 'scheduled', origin, now),
              effects: { $each: owedEffects(effects, now) },
            },
          },
          { returnDocument: 'after' },
        )
        .lean<LearningSession>();
    });
    if (!updated) throw new IllegalTransitionProblem('session', 'a concurrently changed state', 'scheduled');
    await this.relay.deliver(this.sessions, updated);
    return toSessionDto(updated, actorId);
  }

  /**
   * The price for a new length (teacher's current rate × new minutes), or undefined when the length is kept.
   * A paid session keeps its length: the payment covers the booked minutes, so changing them means cancelling.
   */
  private async repriced(session: LearningSession, slot: Slot, teacherId: string): Promise<Price | undefined> {
    const minutes = minutesBetween(slot.start, slot.end);
    if (minutes === minutesBetween(session.schedule.startTime, session.schedule.endTime)) return undefined;
    if (session.pricing.paymentStatus === 'paid')
      throw badTiming(
        'paid-length-fixed',
        'Paid session keeps its length',
        'The session is paid: keep its length, or cancel it and book again.',
      );
    const offer = await this.teachers.teachingOffer(teacherId, session.skill.toString());
    if (!offer) throw unbookable('not-teaching', 'Skill not taught', 'This teacher no longer teaches this skill.');
    return priceOf(offer.hourlyRate, minutes);
  }

  private assertSlot(slot: Slot, endField: string): void {
    const problem = slotProblem(slot, new Date());
    if (problem) throw new ValidationProblem([{ field: /future/.test(problem) ? 'startTime' : endField, message: problem }]);
  }

  private async assertAvailable(teacherId: string, slot: Slot): Promise<void> {
    if (!(await this.teachers.isAvailable(teacherId, slot.start, slot.end)))
      throw unbookable('teacher-unavailable', 'Teacher not available', 'The slot lies outside the teacher’s weekly availability.');
  }

  /** Any live session of either participant overlapping [start, end) (half-open: back-to-back is fine); run holding both calendars. */
  private async assertFree(participants: LearningSession['participants'], slot: Slot, except?: Types.ObjectId): Promise<void> {
    const people = [participants.teacher, participants.learner];
    const clash = await this.sessions
      .findOne({
        ...(except ? { _id: trusted({ $ne: except }) } : {}),
        status: anyOf(SLOT_HOLDING_STATUSES),
        $or: [{ 'participants.teacher': anyOf(people) }, { 'participants.learner': anyOf(people) }],
        'schedule.startTime': trusted({ $lt: slot.end }),
        'schedule.endTime': trusted({ $gt: slot.start }),
      } as QueryFilter<LearningSession>)
      .select({ participants: 1 })
      .lean<Pick<LearningSession, 'participants'>>();
    if (!clash) return;
    const teacher = participants.teacher.toString();
    const teacherBusy = [clash.participants.teacher.toString(), clash.participants.learner.toString()].includes(teacher);
    throw slotTaken(teacherBusy ? 'teacher' : 'learner');
  }

  private tooManyReschedulings() {
    return badTiming('too-many-reschedulings', 'Rescheduled too often', `A session can be rescheduled at most ${MAX_RESCHEDULINGS} times.`);
  }
}
