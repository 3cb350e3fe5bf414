import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';
import { FEATURE_KEY, PLAN_KEY } from './feature-values.js';

const malformed = (what: string, value: unknown) =>
  new ProblemException(
    HttpStatus.BAD_REQUEST,
    'malformed-key',
    'Malformed key',
    `"${String(value).slice(0, 64)}" is not a valid ${what} key.`,
  );

/** A plan key in a path: `^[a-z][a-z0-9-]{1,49}$`, else 400 (never a lookup of garbage). */
@Injectable()
export class PlanKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !PLAN_KEY.test(value)) throw malformed('plan', value);
    return value;
  }
}

/** A feature key in a path: `^[a-z][a-z0-9.-]{1,63}$`, else 400. */
@Injectable()
export class FeatureKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !FEATURE_KEY.test(value)) throw malformed('feature', value);
    return value;
  }
}
