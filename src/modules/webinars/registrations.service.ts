import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { findPage } from '../../core/database/find-page.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { auditEntry, originOf, transition } from '../../core/lifecycle/index.js';
import { AuditTrail } from '../audit/index.js';
import { UserDirectory } from '../identity/index.js';
import type { RegisterForWebinarDto } from './dto/registration-input.dto.js';
import type { RegistrationDto } from './dto/registration.dto.js';
import { hashManageToken, newManageToken } from './manage-tokens.js';
import type { RegistrantCredentials } from './registrant-credentials.js';
import { RegistrationAccess } from './registration-access.js';
import { manageLinkMail } from './registration-mail.js';
import { registrationLifecycle, SEATED_STATUSES, type RegistrationStatus } from './registration.lifecycle.js';
import { toRegistrationDto } from './registration.mapper.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';
import { WebinarSeats } from './webinar-seats.js';
import { OPEN_WEBINAR_STATUSES } from './webinar.lifecycle.js';
import { conflict } from './webinars-problems.js';

/** The effect a seated cancellation owes the webinar: its seat back, and to the waitlist's head. */
export const RELEASE_SEAT_EFFECT = 'webinars.release-seat';

/** Registrations: taken publicly (a seat or the waitlist), read and canceled by the registrant or staff. */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly seats: WebinarSeats,
    private readonly access: RegistrationAccess,
    private readonly users: UserDirectory,
    private readonly trail: AuditTrail,
  ) {}

  async register(ctx: RequestContext, input: RegisterForWebinarDto): Promise<RegistrationDto> {
    this.policy.require(ctx, 'webinar.register');
    const webinar = await this.webinars.findById(new Types.ObjectId(input.webinarId)).lean<Webinar>();
    if (!webinar || webinar.status === 'draft') throw new NotFoundException('No such webinar.');
    if (!OPEN_WEBINAR_STATUSES.includes(webinar.status) || webinar.endsAt.getTime() <= Date.now())
      throw conflict(
        'registration-closed',
        'Registration closed',
        `This webinar is ${webinar.status === 'canceled' ? 'canceled' : 'over'}.`,
      );
    const email = input.email.toLowerCase();
    const seated = await this.seats.take(webinar._id);
    const status: RegistrationStatus = seated ? 'confirmed' : 'waitlisted';
    const registration: WebinarRegistration = {
      _id: new Types.ObjectId(),
      webinarId: webinar._id,
      scheduledDate: webinar.startsAt,
      email,
      name: input.name,
      company: input.company,
      userId: await this.users.findIdByEmail(email).then((id) => (id ? new Types.ObjectId(id) : undefined)),
      status,
      waitlistSequence: seated ? undefined : await this.seats.nextWaitlistSequence(webinar._id),
      manageTokenHash: '',
      attendance: { minutes: 0, visits: 0 },
      engagement: { questions: 0, pollAnswers: 0, chatMessages: 0 },
      reminders: [],
      audit: [auditEntry(null, status, originOf(ctx, 'owner'))],
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const { token, tokenHash } = newManageToken();
    registration.manageTokenHash = tokenHash;
    const effects = [manageLinkMail(registration._id, token)];
    try {
      await this.registrations.create({ ...registration, effects: owedEffects(effects) });
    } catch (error) {
      if (!isDuplicateKeyOn(error, ['webinarId', 'email'])) throw error;
      if (seated) await this.seats.giveBack(webinar._id);
      throw conflict('already-registered', 'Already registered', 'This address is already registered for this webinar.');
    }
    // A seat freed while this registration joined the waitlist goes to the waitlist's head.
    if (!seated) await this.seats.fill(webinar._id);
    const stored = await this.registrations.findById(registration._id).lean<WebinarRegistration>();
    await this.relay.deliver(this.registrations, stored!);
    return this.withPosition(stored!);
  }

  async get(ctx: RequestContext, id: string, credentials: RegistrantCredentials): Promise<RegistrationDto> {
    const { registration } = await this.access.load(ctx, id, 'registration.read', credentials);
    return this.withPosition(registration);
  }

  async listForUser(ctx: RequestContext, userId: string, query: PageQueryDto): Promise<Page<RegistrationDto>> {
    this.policy.requireOn(ctx, 'registration.list', { ownerId: userId }, 'user');
    return findPage(this.registrations, { userId: new Types.ObjectId(userId) }, query, (r) => toRegistrationDto(r), { createdAt: -1 });
  }

  /** Staff, or the holder of a manage token mailed to this address: a bare address shows nothing. */
  async listForEmail(
    ctx: RequestContext,
    email: string,
    query: PageQueryDto,
    credentials: RegistrantCredentials,
  ): Promise<Page<RegistrationDto>> {
    const address = email.trim().toLowerCase();
    const holder = credentials.manageToken
      ? await this.registrations.exists({ manageTokenHash: hashManageToken(credentials.manageToken), email: address })
      : null;
    if (!holder) this.policy.requireOn(ctx, 'registration.list-by-email', {}, 'registration');
    return findPage(this.registrations, { email: address }, query, (r) => toRegistrationDto(r), { createdAt: -1 });
  }

  /** The registrant (or staff) calls it off; a held seat goes back and to the first one waiting. */
  async cancel(ctx: RequestContext, id: string, credentials: RegistrantCredentials): Promise<RegistrationDto> {
    const loaded = await this.access.load(ctx, id, 'registration.cancel', credentials);
    const { registration } = loaded;
    const seated = SEATED_STATUSES.includes(registration.status);
    const { moved, document } = await transition(this.registrations, registrationLifecycle, {
      id: registration._id,
      to: 'canceled',
      origin: originOf(loaded.caller, loaded.registrant ? 'owner' : 'staff'),
      set: { canceledAt: new Date() },
      effects: seated
        ? [
            {
              key: `release-seat:${registration._id.toString()}`,
              name: RELEASE_SEAT_EFFECT,
              payload: { registrationId: registration._id.toString() },
            },
          ]
        : [],
    });
    if (moved) await this.relay.deliver(this.registrations, document);
    // Staff calling off someone's registration belongs in the audit log; the registrant's own cancellation does not.
    if (moved && !loaded.registrant)
      await this.trail.record(ctx, {
        action: 'webinar-registration.canceled',
        targetType: 'webinar-registration',
        targetId: id,
        before: { status: registration.status },
        after: { status: document.status, webinarId: registration.webinarId },
      });
    return toRegistrationDto((await this.registrations.findById(registration._id).lean<WebinarRegistration>()) ?? document);
  }

  /** A deleted account's registrations go; the seats they held go back to their webinars' waitlists. */
  async eraseRegistrant(ctx: RequestContext, userId: string, email: string): Promise<void> {
    this.policy.require(ctx, 'webinars.erase');
    const filter = {
      $or: [{ userId: new Types.ObjectId(userId) }, { email: email.trim().toLowerCase() }],
    } as QueryFilter<WebinarRegistration>;
    const held = await this.registrations.find(filter, { webinarId: 1, status: 1 }).lean<WebinarRegistration[]>();
    await this.registrations.deleteMany({ _id: trusted({ $in: held.map((registration) => registration._id) }) });
    for (const registration of held.filter((candidate) => SEATED_STATUSES.includes(candidate.status))) {
      await this.seats.giveBack(registration.webinarId);
      await this.seats.fill(registration.webinarId);
    }
  }

  /** The place in the waitlist: how many wait ahead of it, plus one. */
  private async withPosition(registration: WebinarRegistration): Promise<RegistrationDto> {
    if (registration.status !== 'waitlisted' || registration.waitlistSequence === undefined) return toRegistrationDto(registration);
    const ahead = await this.registrations.countDocuments({
      webinarId: registration.webinarId,
      status: 'waitlisted',
      waitlistSequence: trusted({ $lt: registration.waitlistSequence }),
    } as QueryFilter<WebinarRegistration>);
    return toRegistrationDto(registration, ahead + 1);
  }
}
