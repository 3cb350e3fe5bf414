import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

export const batchNotFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'call-batch-not-found', 'No such call batch', 'The tenant has no such call batch.');

export const noCallableLeads = (doNotCall: number, unknown: number) =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'no-callable-leads',
    'No callable leads',
    'None of the leads asked for can be called: they are unknown to the tenant or asked not to be called.',
    { skippedDoNotCall: doNotCall, skippedUnknown: unknown },
  );
