import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model, type QueryFilter, type Types } from 'mongoose';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { auditEntry } from '../../core/lifecycle/index.js';
import { registrationLifecycle } from './registration.lifecycle.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';
import { noticeOf } from './webinar-notice.js';

/** Retries of a seat claim when the capacity changed between the read and the claim. */
const MAX_CLAIMS = 10;

const SYSTEM_ORIGIN = { trigger: 'system' as const, source: 'system', reason: 'a seat freed up' };

/**
 * The seat counter of a webinar. A seat is taken by one guarded `$inc` (the filter says
 * `seatsTaken < capacity` for the capacity it read), so concurrent registrations never exceed
 * the capacity; every promotion from the waitlist first takes a seat the same way, so one freed
 * seat promotes exactly one registration however many cancellations run at once.
 */
@Injectable()
export class WebinarSeats {
  constructor(
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    private readonly relay: EffectsRelay,
  ) {}

  async take(webinarId: Types.ObjectId): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_CLAIMS; attempt++) {
      const webinar = await this.webinars.findById(webinarId, { capacity: 1, seatsTaken: 1 }).lean<Webinar>();
      if (!webinar || webinar.seatsTaken >= webinar.capacity) return false;
      const claimed = await this.webinars.updateOne(
        { _id: webinarId, capacity: webinar.capacity, seatsTaken: trusted({ $lt: webinar.capacity }) } as QueryFilter<Webinar>,
        { $inc: { seatsTaken: 1 } },
      );
      if (claimed.modifiedCount === 1) return true;
    }
    return false;
  }

  async giveBack(webinarId: Types.ObjectId): Promise<void> {
    await this.webinars.updateOne({ _id: webinarId, seatsTaken: trusted({ $gt: 0 }) } as QueryFilter<Webinar>, {
      $inc: { seatsTaken: -1 },
    });
  }

  /** The next place in the waitlist's order (one atomic increment). */
  async nextWaitlistSequence(webinarId: Types.ObjectId): Promise<number> {
    const webinar = await this.webinars
      .findOneAndUpdate(
        { _id: webinarId },
        { $inc: { waitlistSequence: 1 } },
        { returnDocument: 'after', projection: { waitlistSequence: 1 } },
      )
      .lean<Webinar>();
    return webinar?.waitlistSequence ?? 0;
  }

  /** A canceled registration's seat goes back once (the mark is set in the same update that claims it), then to the waitlist. */
  async release(registrationId: Types.ObjectId): Promise<void> {
    const released = await this.registrations
      .findOneAndUpdate(
        { _id: registrationId, status: 'canceled', seatReleasedAt: null } as QueryFilter<WebinarRegistration>,
        { $set: { seatReleasedAt: new Date() } },
        { projection: { webinarId: 1 } },
      )
      .lean<WebinarRegistration>();
    if (!released) return;
    await this.giveBack(released.webinarId);
    await this.fill(released.webinarId);
  }

  /** Free seats go to the waitlist's head, one seat per promotion; a seat nobody waits for goes back. Answers how many were promoted. */
  async fill(webinarId: Types.ObjectId): Promise<number> {
    const webinar = await this.webinars.findById(webinarId).lean<Webinar>();
    if (!webinar || !['scheduled', 'live'].includes(webinar.status)) return 0;
    let promoted = 0;
    while (await this.take(webinarId)) {
      if (!(await this.promoteHead(webinar))) {
        await this.giveBack(webinarId);
        break;
      }
      promoted++;
    }
    return promoted;
  }

  /** Waitlisted → confirmed for the first in line; the notice it owes is written in the same update. */
  private async promoteHead(webinar: Webinar): Promise<boolean> {
    registrationLifecycle.assertMove('waitlisted', 'confirmed', 'system');
    for (let attempt = 0; attempt < MAX_CLAIMS; attempt++) {
      const [head] = await this.registrations
        .find({ webinarId: webinar._id, status: 'waitlisted' })
        .sort({ waitlistSequence: 1, _id: 1 })
        .limit(1)
        .lean<WebinarRegistration[]>();
      if (!head) return false;
      const now = new Date();
      const effects = this.relay.owe('webinars.registration-promoted', noticeOf(webinar, head), `webinar-promoted:${head._id.toString()}`);
      const moved = await this.registrations
        .findOneAndUpdate(
          { _id: head._id, status: 'waitlisted' },
          {
            $set: { status: 'confirmed' },
            $unset: { waitlistSequence: 1 },
            $push: { audit: auditEntry('waitlisted', 'confirmed', SYSTEM_ORIGIN, now), effects: { $each: owedEffects(effects, now) } },
          },
          { returnDocument: 'after' },
        )
        .lean<WebinarRegistration>();
      if (moved) {
        await this.relay.deliver(this.registrations, moved);
        return true;
      }
    }
    return false;
  }
}
