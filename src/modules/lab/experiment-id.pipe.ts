import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';
import { EXPERIMENT_ID_PATTERN } from './experiment-types.js';

/** A run id in a path has the shape runs are given; anything else is malformed (400), not a lookup. */
@Injectable()
export class ExperimentIdPipe implements PipeTransform<string, string> {
  static readonly pathSchema = { type: 'string', pattern: EXPERIMENT_ID_PATTERN.source };

  transform(value: string): string {
    if (typeof value !== 'string' || !EXPERIMENT_ID_PATTERN.test(value))
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'malformed-id',
        'Malformed id',
        `"${String(value).slice(0, 64)}" is not a valid experiment id.`,
      );
    return value;
  }
}
