import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  /** Dotted path of the offending input field, e.g. `profile.timezone`. */
  field: string;
  message: string;
}

/** RFC 9457 body; `requestId` ties it to the log lines of the same request. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (slug: string) => `urn:atrium:problem:${slug}`;

/** An error that already knows how it is answered. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly slug: string,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title, status);
  }
}

/** Field errors listed in one answer; the rest are counted, so a hostile body cannot make the answer huge. */
export const MAX_FIELD_ERRORS = 20;
const MAX_MESSAGE_CHARS = 300;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export class ValidationProblem extends ProblemException {
  constructor(
    readonly fieldErrors: FieldError[],
    detail = 'The request has invalid fields.',
  ) {
    const listed = fieldErrors.slice(0, MAX_FIELD_ERRORS).map(({ field, message }) => ({
      field: clip(field, MAX_MESSAGE_CHARS),
      message: clip(message, MAX_MESSAGE_CHARS),
    }));
    const truncated = fieldErrors.length > MAX_FIELD_ERRORS ? { errorCount: fieldErrors.length, truncated: true } : {};
    super(HttpStatus.BAD_REQUEST, 'validation-failed', 'Validation failed', detail, { errors: listed, ...truncated });
  }
}

/** A body or query string beyond one of the shape bounds (input-limits.ts), refused before validation. */
export class InputTooComplexProblem extends ProblemException {
  constructor(limit: string, max: number, field: string, detail: string) {
    super(HttpStatus.BAD_REQUEST, 'input-too-complex', 'Input too complex', detail, { limit, max, field });
  }
}

export class IllegalTransitionProblem extends ProblemException {
  constructor(resource: string, from: string, to: string) {
    super(HttpStatus.CONFLICT, 'illegal-transition', 'Illegal state transition', `A ${resource} cannot move from ${from} to ${to}.`, {
      from,
      to,
    });
  }
}
