import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

/** Said only to a caller who proved the password (or holds the session's refresh token): no account is revealed. */
export class AccountDeactivatedProblem extends ProblemException {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'account-deactivated', 'Account deactivated', 'This account has been deactivated; contact support.');
  }
}

export class LastAdminProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'last-admin',
      'Last active admin',
      'The only active admin cannot delete their account; make another admin first.',
    );
  }
}
