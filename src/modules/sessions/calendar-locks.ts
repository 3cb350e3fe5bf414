import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { anyOf } from '../../core/database/find-page.js';
import { ProblemException } from '../../core/http/problem.js';
import { CalendarLock } from './schemas/calendar-lock.schema.js';

/** Long enough for one overlap check and one write; a crashed holder blocks that calendar no longer than this. */
const LEASE_MS = 10_000;
/** How long a booking waits for a calendar another booking holds before giving up with 409. */
const WAIT_MS = 3_000;
const RETRY_MS = 25;

/**
 * Why a lock and not a unique index: an overlap is a range question ("any session of this user between
 * these times"), which no unique index can answer, and the database here has no transactions. So every
 * booking and rescheduling first holds the calendars of both participants (one small document per user,
 * taken by an upsert on its _id: two takers collide on the duplicate key and exactly one wins), then
 * checks the overlaps and writes the session, then lets go. Two concurrent bookings of the same slot are
 * therefore serialised per user: the second one checks only after the first one's session exists, and
 * is refused with 409. Calendars are taken in id order so two bookings of the same pair cannot deadlock.
 */
@Injectable()
export class CalendarLocks {
  constructor(@InjectModel(CalendarLock.name) private readonly locks: Model<CalendarLock>) {}

  async withCalendars<T>(userIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    const ordered = [...new Set(userIds)].sort();
    const held: Types.ObjectId[] = [];
    try {
      for (const userId of ordered) {
        const id = new Types.ObjectId(userId);
        await this.take(id, holder);
        held.push(id);
      }
      return await work();
    } finally {
      await this.locks.deleteMany({ _id: anyOf(held), holder } as QueryFilter<CalendarLock>);
    }
  }

  private async take(id: Types.ObjectId, holder: string): Promise<void> {
    const giveUpAt = Date.now() + WAIT_MS;
    for (;;) {
      const now = new Date();
      try {
        // Matches only a free (expired) lock; when a live one exists the upsert inserts the same _id and collides.
        await this.locks.updateOne(
          { _id: id, until: trusted({ $lte: now }) } as QueryFilter<CalendarLock>,
          { $set: { holder, until: new Date(now.getTime() + LEASE_MS) } },
          { upsert: true },
        );
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      if (Date.now() >= giveUpAt)
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'calendar-busy',
          'Calendar busy',
          'Another booking for one of these participants is being made; try again.',
        );
      await sleep(RETRY_MS);
    }
  }
}
