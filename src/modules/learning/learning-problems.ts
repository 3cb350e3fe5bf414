import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';

/** Skill ids that are not active skills of the catalogue: the request is well formed but names what cannot be used. */
export const unknownSkills = (field: string, ids: readonly string[]): ProblemException =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'unknown-skills',
    'Unknown skills',
    `These are not active skills: ${ids.join(', ')}.`,
    { field, skillIds: ids },
  );

/** The same skill twice in one list. */
export const duplicateSkills = (field: string, indexes: readonly number[]): ValidationProblem =>
  new ValidationProblem(
    indexes.map((index) => ({ field: `${field}.${index}.skillId`, message: 'appears earlier in the list' })),
    'Each skill may appear once.',
  );

export const profileChanged = (): ProblemException =>
  new ProblemException(HttpStatus.CONFLICT, 'profile-changed', 'Changed concurrently', 'The profile changed meanwhile; send it again.');

/** Learners are matched only to skills the caller teaches. */
export const notTeaching = (skillId: string): ProblemException =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'not-teaching-skill', 'Not a skill you teach', `You do not teach ${skillId}.`, {
    skillId,
  });
