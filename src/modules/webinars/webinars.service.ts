import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { isStaff } from '../../core/auth/roles.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { anyOf, compact, findPage } from '../../core/database/find-page.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { auditEntry, originOf, transition } from '../../core/lifecycle/index.js';
import { AuditTrail } from '../audit/index.js';
import type { CreateWebinarDto, UpdateWebinarDto, WebinarQueryDto, WebinarTransitionDto } from './dto/webinar-input.dto.js';
import type { WebinarDto } from './dto/webinar.dto.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';
import { toStaffWebinarDto, toWebinarDto } from './webinar.mapper.js';
import { WebinarSeats } from './webinar-seats.js';
import { webinarLifecycle, type WebinarStatus } from './webinar.lifecycle.js';
import { conflict } from './webinars-problems.js';

/** The effect a canceled webinar owes itself: one cancellation notice per registrant. */
export const NOTIFY_CANCELED_EFFECT = 'webinars.notify-canceled';

const MINUTE_MS = 60_000;
const FINAL: readonly WebinarStatus[] = ['ended', 'canceled'];

/** Webinars as staff run them (create, edit, move through the lifecycle) and as anyone browses them. */
@Injectable()
export class WebinarsService {
  constructor(
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly seats: WebinarSeats,
    private readonly trail: AuditTrail,
  ) {}

  /** Upcoming and live webinars, soonest first: what anyone may register for. */
  async upcoming(ctx: RequestContext, query: PageQueryDto): Promise<Page<WebinarDto>> {
    this.policy.require(ctx, 'webinar.browse');
    const filter = { status: anyOf(['scheduled', 'live']), endsAt: trusted({ $gt: new Date() }) } as QueryFilter<Webinar>;
    return findPage(this.webinars, filter, query, (webinar) => toWebinarDto(webinar), { startsAt: 1 });
  }

  async list(ctx: RequestContext, query: WebinarQueryDto): Promise<Page<WebinarDto>> {
    this.policy.require(ctx, 'webinar.manage');
    return findPage(this.webinars, compact({ status: query.status }) as QueryFilter<Webinar>, query, toStaffWebinarDto, { startsAt: 1 });
  }

  /** Anyone sees a published webinar without its join link; drafts and the link are for staff. */
  async get(ctx: RequestContext, id: string): Promise<WebinarDto> {
    this.policy.require(ctx, 'webinar.browse');
    const webinar = await this.webinars.findById(new Types.ObjectId(id)).lean<Webinar>();
    const staff = ctx.actor !== undefined && isStaff(ctx.actor);
    if (!webinar || (webinar.status === 'draft' && !staff)) throw new NotFoundException('No such webinar.');
    return toWebinarDto(webinar, staff);
  }

  async create(ctx: RequestContext, input: CreateWebinarDto): Promise<WebinarDto> {
    this.policy.require(ctx, 'webinar.manage');
    const created = await this.webinars.create({
      title: input.title,
      description: input.description ?? '',
      hosts: input.hosts ?? [],
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      endsAt: new Date(input.startsAt.getTime() + input.durationMinutes * MINUTE_MS),
      timezone: input.timezone,
      capacity: input.capacity,
      meeting: input.meeting,
      audit: [auditEntry(null, webinarLifecycle.table.initial, originOf(ctx, 'staff'))],
    });
    return toStaffWebinarDto(created.toObject());
  }

  /** Edits a webinar that has not ended; the capacity never drops below the seats taken (checked in the update itself). */
  async update(ctx: RequestContext, id: string, input: UpdateWebinarDto): Promise<WebinarDto> {
    this.policy.require(ctx, 'webinar.manage');
    const webinar = await this.load(id);
    if (FINAL.includes(webinar.status)) throw conflict('webinar-closed', 'Webinar closed', `A ${webinar.status} webinar cannot change.`);
    const startsAt = input.startsAt ?? webinar.startsAt;
    const durationMinutes = input.durationMinutes ?? webinar.durationMinutes;
    const set = compact({
      title: input.title,
      description: input.description,
      hosts: input.hosts,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      endsAt: new Date(startsAt.getTime() + durationMinutes * MINUTE_MS),
      timezone: input.timezone,
      capacity: input.capacity,
      meeting: input.meeting,
    });
    const guard = input.capacity === undefined ? {} : { seatsTaken: trusted({ $lte: input.capacity }) };
    const updated = await this.webinars
      .findOneAndUpdate(
        { _id: webinar._id, status: webinar.status, ...guard } as QueryFilter<Webinar>,
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<Webinar>();
    if (!updated) {
      if (input.capacity !== undefined && (await this.load(id)).seatsTaken > input.capacity)
        throw conflict('capacity-below-seats', 'Capacity below seats taken', 'More seats are taken than the new capacity.');
      throw conflict('webinar-changed', 'Changed concurrently', 'The webinar changed meanwhile; read it again.');
    }
    if (input.startsAt) await this.registrations.updateMany({ webinarId: updated._id }, { $set: { scheduledDate: updated.startsAt } });
    if (input.capacity !== undefined && input.capacity > webinar.capacity) await this.seats.fill(updated._id);
    return toStaffWebinarDto(updated);
  }

  /** A move of the lifecycle table (409 otherwise); canceling owes every registrant a notice. */
  async transition(ctx: RequestContext, id: string, input: WebinarTransitionDto): Promise<WebinarDto> {
    this.policy.require(ctx, 'webinar.manage');
    const webinar = await this.load(id);
    const { moved, document } = await transition(this.webinars, webinarLifecycle, {
      id: webinar._id,
      to: input.to,
      origin: originOf(ctx, 'staff', input.reason),
      effects:
        input.to === 'canceled'
          ? [
              {
                key: `webinar-canceled:${webinar._id.toString()}`,
                name: NOTIFY_CANCELED_EFFECT,
                payload: { webinarId: webinar._id.toString() },
              },
            ]
          : [],
    });
    if (moved) {
      await this.relay.deliver(this.webinars, document);
      await this.trail.record(ctx, {
        action: 'webinar.transitioned',
        targetType: 'webinar',
        targetId: id,
        before: { status: webinar.status },
        after: { status: document.status, reason: input.reason },
      });
    }
    return toStaffWebinarDto(document);
  }

  private async load(id: string): Promise<Webinar> {
    const webinar = await this.webinars.findById(new Types.ObjectId(id)).lean<Webinar>();
    if (!webinar) throw new NotFoundException('No such webinar.');
    return webinar;
  }
}
