import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type AnyBulkWriteOperation, type Model, type QueryFilter, type Types } from 'mongoose';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { anyOf } from '../../core/database/find-page.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';
import { noticeOf } from './webinar-notice.js';
import type { ReminderKind } from './webinars.events.js';

const BATCH = 500;
const HOUR_MS = 3_600_000;

/** Which reminder is due for a webinar starting in this window (the windows do not overlap, so a late registrant gets the nearer one only). */
const REMINDER_WINDOWS: readonly { kind: ReminderKind; fromMs: number; toMs: number }[] = [
  { kind: '1h', fromMs: 0, toMs: HOUR_MS },
  { kind: '24h', fromMs: HOUR_MS, toMs: 24 * HOUR_MS },
];

/**
 * Notices sent to many registrants at once. Each registration is claimed for its notice in the
 * same update that owes it (the filter says it has not been claimed), so instances running the same
 * batch, or a batch run again, tell each registrant once.
 */
@Injectable()
export class WebinarNotices {
  constructor(
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    private readonly relay: EffectsRelay,
  ) {}

  /** Every registrant of a canceled webinar, once. Answers how many notices were owed. */
  async notifyCanceled(webinarId: Types.ObjectId): Promise<number> {
    const webinar = await this.webinars.findById(webinarId).lean<Webinar>();
    if (!webinar) return 0;
    const filter = {
      webinarId,
      status: anyOf(['confirmed', 'waitlisted', 'attended']),
      canceledNoticeAt: null,
    } as QueryFilter<WebinarRegistration>;
    return this.oweEach(filter, (registration) => ({
      claim: { canceledNoticeAt: null },
      set: { canceledNoticeAt: new Date() },
      effects: this.relay.owe(
        'webinars.webinar-canceled',
        noticeOf(webinar, registration),
        `webinar-canceled:${registration._id.toString()}`,
      ),
    }));
  }

  /** The reminders due now: 24 hours and one hour before the start, to confirmed registrants, each kind once. */
  async remindDue(now = new Date()): Promise<number> {
    let owed = 0;
    for (const window of REMINDER_WINDOWS) {
      const due = await this.webinars
        .find({
          status: 'scheduled',
          startsAt: trusted({ $gt: new Date(now.getTime() + window.fromMs), $lte: new Date(now.getTime() + window.toMs) }),
        } as QueryFilter<Webinar>)
        .lean<Webinar[]>();
      for (const webinar of due) {
        const filter = {
          webinarId: webinar._id,
          status: 'confirmed',
          reminders: trusted({ $ne: window.kind }),
        } as QueryFilter<WebinarRegistration>;
        owed += await this.oweEach(filter, (registration) => ({
          claim: { reminders: trusted({ $ne: window.kind }) },
          addToSet: { reminders: window.kind },
          effects: this.relay.owe(
            'webinars.reminder',
            { ...noticeOf(webinar, registration), reminderKind: window.kind },
            `webinar-reminder:${registration._id.toString()}:${window.kind}`,
          ),
        }));
      }
    }
    return owed;
  }

  private async oweEach(
    filter: QueryFilter<WebinarRegistration>,
    claimOf: (registration: WebinarRegistration) => {
      claim: Record<string, unknown>;
      set?: Record<string, unknown>;
      addToSet?: Record<string, unknown>;
      effects: ReturnType<EffectsRelay['owe']>;
    },
  ): Promise<number> {
    let owed = 0;
    for (;;) {
      const batch = await this.registrations.find(filter).limit(BATCH).lean<WebinarRegistration[]>();
      if (batch.length === 0) return owed;
      const now = new Date();
      const operations: AnyBulkWriteOperation<WebinarRegistration>[] = batch.map((registration) => {
        const { claim, set, addToSet, effects } = claimOf(registration);
        return {
          updateOne: {
            filter: { _id: registration._id, ...claim } as QueryFilter<WebinarRegistration>,
            update: {
              ...(set ? { $set: set } : {}),
              ...(addToSet ? { $addToSet: addToSet } : {}),
              $push: { effects: { $each: owedEffects(effects, now) } },
            },
          },
        };
      });
      const result = await this.registrations.bulkWrite(operations, { ordered: false });
      owed += result.modifiedCount;
      const claimed = await this.registrations
        .find({ _id: anyOf(batch.map((registration) => registration._id)) })
        .lean<WebinarRegistration[]>();
      for (const registration of claimed) await this.relay.deliver(this.registrations, registration);
      if (batch.length < BATCH) return owed;
    }
  }
}
