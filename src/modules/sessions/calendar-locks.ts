import { HttpStatus, Injectable } from '@nestjs/common';
import { Leases } from '../../core/database/leases.js';
import { ProblemException } from '../../core/http/problem.js';

const calendarBusy = () =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'calendar-busy',
    'Calendar busy',
    'Another booking for one of these participants is being made; try again.',
  );

/**
 * An overlap is a range question ("any session of this user between these times") that no unique index can
 * answer, so every booking and rescheduling holds the calendars of both participants (a lease per user), checks
 * the overlaps and writes the session, then lets go. Two concurrent bookings of the same slot are serialised
 * per user: the second checks only after the first one's session exists, and is refused with 409.
 */
@Injectable()
export class CalendarLocks {
  constructor(private readonly leases: Leases) {}

  withCalendars<T>(userIds: readonly string[], work: () => Promise<T>): Promise<T> {
    return this.leases.withHeld(
      userIds.map((id) => `calendar:${id}`),
      work,
      { busy: calendarBusy },
    );
  }
}
