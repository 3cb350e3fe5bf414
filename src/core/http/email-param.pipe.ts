import { Injectable, type PipeTransform } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { JsonSchema } from './validator-schemas.js';
import { ValidationProblem } from './problem.js';

/**
 * What the document offers for an address in a path: a plain address whose domain ends in a
 * letters-only top-level label, which the validator below accepts too.
 */
const EMAIL_PATTERN = '^[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$';

/** An address in the path: a bounded, valid email, normalized; anything else is a 400, never a lookup. */
@Injectable()
export class EmailParamPipe implements PipeTransform<string, string> {
  static readonly pathSchema: JsonSchema = { type: 'string', format: 'email', maxLength: 254, pattern: EMAIL_PATTERN };

  transform(value: string): string {
    const address = String(value ?? '').trim();
    if (address.length > 254 || !isEmail(address))
      throw new ValidationProblem([{ field: 'email', message: 'email must be a valid address of at most 254 characters' }]);
    return address.toLowerCase();
  }
}
