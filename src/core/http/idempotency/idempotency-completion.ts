import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { DoneFuncWithErrOrRes, FastifyInstance, FastifyReply } from 'fastify';
import { CLAIMED_SCOPE, type ClaimingRequest } from './idempotency.guard.js';
import { IdempotencyKeys } from './idempotency-keys.js';

/**
 * Completes a claimed key with the answer about to be sent, or releases it when the answer is an error, before
 * the client hears it: a retry after the answer always finds it. An onSend hook, so the payload is the body
 * exactly as sent.
 */
@Injectable()
export class IdempotencyCompletion implements OnModuleInit {
  constructor(
    private readonly keys: IdempotencyKeys,
    private readonly http: HttpAdapterHost,
  ) {}

  /** Module init runs before the server is ready, and Fastify gives a root hook to every route then. */
  onModuleInit(): void {
    this.http.httpAdapter?.getInstance<FastifyInstance>().addHook('onSend', this.onSend);
  }

  readonly onSend = (request: ClaimingRequest, reply: FastifyReply, payload: unknown, done: DoneFuncWithErrOrRes): void => {
    const scope = request[CLAIMED_SCOPE];
    if (scope === undefined) return done(null, payload);
    request[CLAIMED_SCOPE] = undefined;
    const failed = reply.statusCode >= 400;
    const settled = failed ? this.keys.release(scope) : this.keys.complete(scope, reply.statusCode, sentBody(payload));
    // The answer leaves as it is either way: a success reports a change that was made. A key the write could
    // not complete stays claimed and answers its retries 409 until it expires, rather than let one repeat the change.
    settled.then(
      () => done(null, payload),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        request.log.warn({ scope }, `idempotency key not ${failed ? 'released' : 'completed'}: ${reason}`);
        done(null, payload);
      },
    );
  };
}

/** The body as the client receives it: JSON leaves undefined fields out, where BSON would store null. */
function sentBody(payload: unknown): unknown {
  if (typeof payload !== 'string' || payload === '') return null;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
