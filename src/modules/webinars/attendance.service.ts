import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { RequestContext } from '../../core/auth/request-context.js';
import { originOf, transition } from '../../core/lifecycle/index.js';
import type { EngagementDto, EngagementKind, WebinarFeedbackDto } from './dto/registration-input.dto.js';
import type { JoinedDto, RegistrationDto } from './dto/registration.dto.js';
import type { RegistrantCredentials } from './registrant-credentials.js';
import { RegistrationAccess, type LoadedRegistration } from './registration-access.js';
import { registrationLifecycle, SEATED_STATUSES } from './registration.lifecycle.js';
import { toRegistrationDto } from './registration.mapper.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';
import { WebinarsConfig } from './webinars.config.js';
import { conflict } from './webinars-problems.js';

const MINUTE_MS = 60_000;

const ENGAGEMENT_FIELDS: Record<EngagementKind, string> = {
  question: 'engagement.questions',
  'poll-answer': 'engagement.pollAnswers',
  'chat-message': 'engagement.chatMessages',
};

/** Being in the webinar: join (the join link), leave (minutes), engagement counts and the attendee's one rating. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    private readonly access: RegistrationAccess,
    private readonly config: WebinarsConfig,
  ) {}

  /** From WEBINAR_JOIN_OPENS_MINUTES before the start until the end, for a seated registrant; the first join makes it attended. */
  async join(ctx: RequestContext, id: string, credentials: RegistrantCredentials): Promise<JoinedDto> {
    const loaded = await this.access.load(ctx, id, 'registration.read', credentials);
    this.access.requireAct(loaded, 'registration.attend', 'Only the registrant joins the webinar.');
    const { registration } = loaded;
    if (!SEATED_STATUSES.includes(registration.status))
      throw conflict('no-seat', 'No seat', `A ${registration.status} registration cannot join the webinar.`);
    const webinar = await this.webinarOf(registration);
    const now = new Date();
    const opensAt = new Date(webinar.startsAt.getTime() - this.config.WEBINAR_JOIN_OPENS_MINUTES * MINUTE_MS);
    if (webinar.status === 'canceled') throw conflict('webinar-canceled', 'Webinar canceled', 'This webinar was canceled.');
    if (now < opensAt)
      throw conflict('join-not-open', 'Not open yet', `Joining opens at ${opensAt.toISOString()}.`, { opensAt: opensAt.toISOString() });
    if (now >= webinar.endsAt || webinar.status === 'ended') throw conflict('webinar-over', 'Webinar over', 'This webinar has ended.');

    let current = registration;
    if (!registration.attendance?.joinedAt) {
      if (registration.status === 'confirmed') {
        const { moved, document } = await transition(this.registrations, registrationLifecycle, {
          id: registration._id,
          to: 'attended',
          origin: originOf(loaded.caller, 'owner'),
          set: { 'attendance.firstJoinedAt': now, 'attendance.joinedAt': now, 'attendance.visits': 1 },
        });
        current = moved ? document : await this.rejoin(registration, now);
      } else {
        current = await this.rejoin(registration, now);
      }
    }
    return { registration: toRegistrationDto(current), joinUrl: webinar.meeting.joinUrl, details: webinar.meeting.details };
  }

  /** Ends the open visit: its minutes (up to the webinar's end) add to the ones before. */
  async leave(ctx: RequestContext, id: string, credentials: RegistrantCredentials): Promise<RegistrationDto> {
    const loaded = await this.access.load(ctx, id, 'registration.read', credentials);
    this.access.requireAct(loaded, 'registration.attend', 'Only the registrant leaves the webinar.');
    const joinedAt = loaded.registration.attendance?.joinedAt;
    if (!joinedAt) throw conflict('not-in-webinar', 'Not in the webinar', 'Join the webinar before leaving it.');
    const webinar = await this.webinarOf(loaded.registration);
    const now = new Date();
    const until = Math.min(now.getTime(), webinar.endsAt.getTime());
    const minutes = Math.max(0, Math.round((until - joinedAt.getTime()) / MINUTE_MS));
    // Compare-and-set on the visit it read, so a double leave counts the minutes once.
    const left = await this.registrations
      .findOneAndUpdate(
        { _id: loaded.registration._id, 'attendance.joinedAt': joinedAt } as QueryFilter<WebinarRegistration>,
        { $set: { 'attendance.leftAt': now }, $unset: { 'attendance.joinedAt': 1 }, $inc: { 'attendance.minutes': minutes } },
        { returnDocument: 'after' },
      )
      .lean<WebinarRegistration>();
    return toRegistrationDto(left ?? (await this.reload(loaded.registration)));
  }

  /** One rating, by an attendee (joined at least once), once the webinar has started. */
  async feedback(ctx: RequestContext, id: string, input: WebinarFeedbackDto, credentials: RegistrantCredentials): Promise<RegistrationDto> {
    const loaded = await this.access.load(ctx, id, 'registration.read', credentials);
    this.access.requireAct(loaded, 'registration.feedback', 'Only the registrant gives feedback.');
    const webinar = await this.webinarOf(loaded.registration);
    if (Date.now() < webinar.startsAt.getTime()) throw conflict('not-started', 'Not started', 'Feedback opens when the webinar starts.');
    const given = await this.registrations
      .findOneAndUpdate(
        { _id: loaded.registration._id, status: 'attended', feedback: null } as QueryFilter<WebinarRegistration>,
        { $set: { feedback: { rating: input.rating, comment: input.comment, givenAt: new Date() } } },
        { returnDocument: 'after' },
      )
      .lean<WebinarRegistration>();
    if (given) return toRegistrationDto(given);
    const current = await this.reload(loaded.registration);
    if (current.feedback) throw conflict('feedback-given', 'Feedback already given', 'This registration already has feedback.');
    throw conflict('not-attended', 'Not attended', 'Only attendees give feedback.');
  }

  /** A question, poll answer or chat message: the registrant during the live window, or staff at any time. */
  async engage(ctx: RequestContext, id: string, input: EngagementDto, credentials: RegistrantCredentials): Promise<RegistrationDto> {
    const loaded = await this.access.load(ctx, id, 'registration.engage', credentials);
    if (loaded.registrant) await this.requireLive(loaded);
    const updated = await this.registrations
      .findOneAndUpdate(
        { _id: loaded.registration._id },
        { $inc: { [ENGAGEMENT_FIELDS[input.kind]]: input.count ?? 1 } },
        { returnDocument: 'after' },
      )
      .lean<WebinarRegistration>();
    return toRegistrationDto(updated ?? (await this.reload(loaded.registration)));
  }

  private async requireLive({ registration }: LoadedRegistration): Promise<void> {
    if (!SEATED_STATUSES.includes(registration.status))
      throw conflict('no-seat', 'No seat', `A ${registration.status} registration takes no part in the webinar.`);
    const webinar = await this.webinarOf(registration);
    const now = Date.now();
    if (webinar.status === 'canceled' || now < webinar.startsAt.getTime() || now >= webinar.endsAt.getTime())
      throw conflict('not-live', 'Not live', 'Engagement is counted while the webinar is live.');
  }

  private async rejoin(registration: WebinarRegistration, now: Date): Promise<WebinarRegistration> {
    const rejoined = await this.registrations
      .findOneAndUpdate(
        { _id: registration._id, status: 'attended', 'attendance.joinedAt': null } as QueryFilter<WebinarRegistration>,
        { $set: { 'attendance.joinedAt': now }, $inc: { 'attendance.visits': 1 } },
        { returnDocument: 'after' },
      )
      .lean<WebinarRegistration>();
    return rejoined ?? this.reload(registration);
  }

  private async reload(registration: WebinarRegistration): Promise<WebinarRegistration> {
    const current = await this.registrations.findById(registration._id).lean<WebinarRegistration>();
    if (!current) throw new NotFoundException('No such registration.');
    return current;
  }

  private async webinarOf(registration: WebinarRegistration): Promise<Webinar> {
    const webinar = await this.webinars.findById(registration.webinarId).lean<Webinar>();
    if (!webinar) throw new NotFoundException('No such webinar.');
    return webinar;
  }
}
