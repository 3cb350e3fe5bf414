import { HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Actor } from '../../auth/roles.js';
import { isDuplicateKey } from '../../database/duplicate-key.js';
import { ProblemException, ValidationProblem } from '../problem.js';
import { canonicalJson } from './canonical-json.js';
import { IdempotencyKey } from './idempotency-key.schema.js';

export const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,255}$/;
const REMEMBER_MS = 24 * 3600 * 1000;

/** Stores the first answer per (caller, route, key) and replays it; see @Idempotent(). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectModel(IdempotencyKey.name) private readonly keys: Model<IdempotencyKey>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY_FORMAT.test(header)) {
      throw new ValidationProblem([{ field: 'Idempotency-Key', message: 'must be 8–255 characters of letters, digits and _ . : -' }]);
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.handle(request, reply, header, next));
  }

  private async handle(request: FastifyRequest & { actor?: Actor }, reply: FastifyReply, key: string, next: CallHandler): Promise<unknown> {
    const scope = `${request.actor?.id ?? 'anonymous'}:${request.method} ${request.routeOptions.url}:${key}`;
    // Canonical JSON: a retry that writes the same fields in another order is the same request.
    const bodyHash = createHash('sha256')
      .update(canonicalJson({ body: request.body ?? null, params: request.params ?? null }))
      .digest('base64url');
    const earlier = await this.claim(scope, bodyHash);
    if (earlier) return this.replay(earlier, bodyHash, reply);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // Stored as the client received it: JSON leaves undefined fields out, where BSON would store null.
      const sent: unknown = body === undefined ? null : JSON.parse(JSON.stringify(body));
      await this.keys.updateOne({ scope }, { $set: { state: 'completed', statusCode: reply.statusCode, responseBody: sent } });
      return body;
    } catch (error) {
      // A failed first attempt leaves nothing behind, so the client may retry with the same key.
      await this.keys.deleteOne({ scope, state: 'in-progress' });
      throw error;
    }
  }

  /**
   * Claims the key for this request in one round trip: undefined when it is ours now, else the record
   * of the earlier request with the same key (its answer or its claim), read by the same operation.
   */
  private async claim(scope: string, bodyHash: string): Promise<IdempotencyKey | undefined> {
    try {
      const earlier = await this.keys
        .findOneAndUpdate(
          { scope },
          { $setOnInsert: { scope, bodyHash, state: 'in-progress', expiresAt: new Date(Date.now() + REMEMBER_MS) } },
          { upsert: true, returnDocument: 'before' },
        )
        .lean<IdempotencyKey>();
      return earlier ?? undefined;
    } catch (error) {
      // Two first requests at once: the one whose insert lost reads the winner's claim.
      if (!isDuplicateKey(error)) throw error;
      return (await this.keys.findOne({ scope }).lean<IdempotencyKey>()) ?? undefined;
    }
  }

  private replay(stored: IdempotencyKey, bodyHash: string, reply: FastifyReply): unknown {
    if (stored.bodyHash !== bodyHash) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'idempotency-key-reused',
        'Idempotency key reused',
        'This Idempotency-Key was used with a different request.',
      );
    }
    if (stored.state !== 'completed') {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'idempotency-in-progress',
        'Request in progress',
        'The first request with this Idempotency-Key is still running.',
      );
    }
    reply.status(stored.statusCode ?? 200).header('Idempotent-Replayed', 'true');
    return stored.responseBody;
  }
}
