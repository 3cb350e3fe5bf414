import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ValidationProblem } from '../problem.js';
import { IdempotencyKeys, KEY_FORMAT } from './idempotency-keys.js';
import { ReplayedAnswer } from './replayed-answer.js';

/** The key this request claimed, completed or released by IdempotencyCompletion once the answer is known. */
export const CLAIMED_SCOPE = Symbol('idempotency scope');
export type ClaimingRequest = FastifyRequest & { [CLAIMED_SCOPE]?: string };

/**
 * See @Idempotent(). A guard, after the global ones (so the caller is known) and before the pipes, rather
 * than an interceptor: an interceptor puts every call of the route through Nest's observable chain, about
 * 25 µs of CPU per payment intent, with or without a key. The answer is stored by an onSend hook.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(private readonly keys: IdempotencyKeys) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ClaimingRequest>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return true;
    if (typeof header !== 'string' || !KEY_FORMAT.test(header)) {
      throw new ValidationProblem([{ field: 'Idempotency-Key', message: 'must be 8–255 characters of letters, digits and _ . : -' }]);
    }
    const claimed = await this.keys.claim(request, header);
    if ('replay' in claimed) throw new ReplayedAnswer(claimed.replay.statusCode, claimed.replay.body);
    request[CLAIMED_SCOPE] = claimed.scope;
    return true;
  }
}
