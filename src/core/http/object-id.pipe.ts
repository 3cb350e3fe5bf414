import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem.js';

/** What every id in a path or body looks like; the OpenAPI document states it as the parameter's pattern. */
export const OBJECT_ID_PATTERN = '^[0-9a-fA-F]{24}$';
const OBJECT_ID = new RegExp(OBJECT_ID_PATTERN);

/** Path ids are 24 hex characters; anything else is a malformed id (400), never a 500 or a 404. */
@Injectable()
export class ObjectIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !OBJECT_ID.test(value)) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'malformed-id',
        'Malformed id',
        `"${String(value).slice(0, 64)}" is not a valid id.`,
      );
    }
    return value.toLowerCase();
  }
}

export const isObjectId = (value: unknown): value is string => typeof value === 'string' && OBJECT_ID.test(value);
