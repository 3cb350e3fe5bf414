import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

/** 429: the tenant already has its maximum of calls in flight; a slot frees when one of them ends. */
export class CallSlotsFullProblem extends ProblemException {
  constructor(
    readonly limit: number,
    readonly retryAfter: number,
  ) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'call-slots-full',
      'Call slots full',
      `The tenant already has ${limit} concurrent call${limit === 1 ? '' : 's'} in flight; retry once one ends.`,
      { limit },
    );
  }

  override getResponse(): { message: string; retryAfter: number } {
    return { message: this.message, retryAfter: this.retryAfter };
  }
}

/** 402: the tenant has used this month's voice minutes; a larger plan (or next month) gives more. */
export class MinutesExhaustedProblem extends ProblemException {
  constructor(used: number, limit: number, resetsAt: string) {
    super(
      HttpStatus.PAYMENT_REQUIRED,
      'voice-minutes-exhausted',
      'Voice minutes exhausted',
      `The tenant has used ${used} of its ${limit} voice minutes this month.`,
      { used, limit, resetsAt },
    );
  }
}

export const callNotFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'voice-call-not-found', 'No such call', 'The tenant has no such call.');

export const leadNotFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'lead-not-found', 'No such lead', 'The tenant has no such lead.');

/** The lead a call is placed to (`leadId` of the body or of a batch) is not the tenant's: 422 naming the field. */
export const unknownLead = () =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'lead-not-found', 'Unknown reference', 'leadId: no such lead in this tenant.', {
    field: 'leadId',
  });

export const leadNotCallable = () =>
  new ProblemException(HttpStatus.CONFLICT, 'lead-not-callable', 'Lead not callable', 'The lead asked not to be called.');

export const providerFailed = (detail: string) =>
  new ProblemException(HttpStatus.BAD_GATEWAY, 'voice-provider-failed', 'Voice provider failed', detail);
