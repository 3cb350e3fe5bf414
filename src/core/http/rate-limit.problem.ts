import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem.js';

/** 429 for a client or user over its rate limit; the problem filter turns `retryAfter` into Retry-After. */
export class RateLimitedProblem extends ProblemException {
  constructor(readonly retryAfter: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'rate-limited', 'Too many requests', 'Rate limit exceeded; retry later.');
  }

  override getResponse(): { message: string; retryAfter: number } {
    return { message: this.message, retryAfter: this.retryAfter };
  }
}
