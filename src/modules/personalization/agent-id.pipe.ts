import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';
import { AGENT_ID_PATTERN } from './personalization-fields.js';

const AGENT_ID = new RegExp(AGENT_ID_PATTERN);

/** `{agentId}` in a path: a lower-case slug of at most 64 characters. */
@Injectable()
export class AgentIdPipe implements PipeTransform<string, string> {
  static readonly pathSchema = { type: 'string', pattern: AGENT_ID_PATTERN };

  transform(value: string): string {
    if (typeof value !== 'string' || !AGENT_ID.test(value))
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'malformed-parameter',
        'Malformed agent id',
        `"${String(value).slice(0, 64)}" is not an agent id (lower-case letters, digits and dashes, at most 64).`,
      );
    return value;
  }
}
