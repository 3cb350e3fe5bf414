import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

/** A 409 about the state of a webinar or registration: the rule it breaks, in the problem's slug. */
export const conflict = (slug: string, title: string, detail: string, extensions?: Record<string, unknown>): ProblemException =>
  new ProblemException(HttpStatus.CONFLICT, slug, title, detail, extensions);
