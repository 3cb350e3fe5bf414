import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

/** A booking that names things that cannot be booked together (a skill not taught, oneself): 422. */
export const unbookable = (slug: string, title: string, detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, slug, title, detail);

/** A slot already taken in one participant's calendar. */
export const slotTaken = (who: 'teacher' | 'learner') =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'slot-taken',
    'Slot taken',
    who === 'teacher' ? 'The teacher has another session at this time.' : 'The learner has another session at this time.',
    { participant: who },
  );

/** A move the table allows but not at this moment (starting too early, cancelling after the start). */
export const badTiming = (slug: string, title: string, detail: string) => new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
