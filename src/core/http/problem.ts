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

export class ValidationProblem extends ProblemException {
  constructor(
    readonly fieldErrors: FieldError[],
    detail = 'The request has invalid fields.',
  ) {
    super(HttpStatus.BAD_REQUEST, 'validation-failed', 'Validation failed', detail, { errors: fieldErrors });
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
