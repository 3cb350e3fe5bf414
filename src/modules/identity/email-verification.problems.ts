import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

/** Expired, tampered with, for another purpose, or for an address the account no longer has: all one answer. */
export class InvalidVerificationTokenProblem extends ProblemException {
  constructor(reason: 'expired' | 'invalid') {
    super(
      HttpStatus.BAD_REQUEST,
      'invalid-verification-token',
      'Invalid verification link',
      reason === 'expired'
        ? 'This verification link has expired; ask for a new one at POST /api/auth/verify-email/resend.'
        : 'This verification link is not valid for this account’s address; ask for a new one at POST /api/auth/verify-email/resend.',
      { reason },
    );
  }
}

export class AlreadyVerifiedProblem extends ProblemException {
  constructor() {
    super(HttpStatus.CONFLICT, 'already-verified', 'Already verified', 'This account’s email address is already verified.');
  }
}

/** 429 with Retry-After: the problem filter reads `retryAfter` from the response. */
export class VerificationResendLimitProblem extends ProblemException {
  constructor(
    readonly retryAfter: number,
    max: number,
  ) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'verification-resend-limit',
      'Too many verification emails',
      `At most ${max} verification emails are sent per hour; try again in ${retryAfter} seconds.`,
      { max, retryAfter },
    );
  }

  override getResponse(): { message: string; retryAfter: number } {
    return { message: this.message, retryAfter: this.retryAfter };
  }
}

/** For other contexts whose rules need a proven address (accepting an invitation). */
export class EmailNotVerifiedProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.FORBIDDEN,
      'email-not-verified',
      'Email not verified',
      'Verify your email address first (follow the link in the verification email); ask for a new one at POST /api/auth/verify-email/resend.',
    );
  }
}
