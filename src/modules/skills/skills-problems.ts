import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

/** A 409 about the catalogue's rules: the rule broken in the slug. */
export const conflict = (slug: string, title: string, detail: string, extensions?: Record<string, unknown>): ProblemException =>
  new ProblemException(HttpStatus.CONFLICT, slug, title, detail, extensions);

/** Links to skills that do not exist (or were removed). */
export const unknownSkills = (field: string, ids: readonly string[]): ProblemException =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'unknown-skills',
    'Unknown skills',
    `${field} names skills that do not exist: ${ids.join(', ')}.`,
    { field, unknownIds: ids },
  );
