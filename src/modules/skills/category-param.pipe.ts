import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationProblem } from '../../core/http/problem.js';
import { KEY_PATTERN } from './dto/skill-input.dto.js';
import { LIMITS } from './schemas/skill.schema.js';

/** A category in the path has the shape categories are stored in; anything else is a 400, never a lookup. */
@Injectable()
export class CategoryParamPipe implements PipeTransform<string, string> {
  static readonly pathSchema = { type: 'string', maxLength: LIMITS.label, pattern: KEY_PATTERN.source };

  transform(value: string): string {
    if (typeof value !== 'string' || value.length > LIMITS.label || !KEY_PATTERN.test(value))
      throw new ValidationProblem([
        { field: 'category', message: 'category must be lower-case words joined by hyphens, at most 64 characters' },
      ]);
    return value;
  }
}
