import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FastifyRequest } from 'fastify';
import type { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import type { Actor } from '../../auth/roles.js';
import { isDuplicateKey } from '../../database/duplicate-key.js';
import { ProblemException } from '../problem.js';
import { canonicalJson } from './canonical-json.js';
import { IdempotencyKey } from './idempotency-key.schema.js';

export const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,255}$/;
const REMEMBER_MS = 24 * 3600 * 1000;

/** What a request that came with a key finds: the key is now its own, or an earlier request's answer to replay. */
export type Claimed = { scope: string } | { replay: { statusCode: number; body: unknown } };

/** The remembered keys: claimed by a first request, completed with its answer, released when it fails. */
@Injectable()
export class IdempotencyKeys {
  constructor(@InjectModel(IdempotencyKey.name) private readonly keys: Model<IdempotencyKey>) {}

  /** Claims (caller, route, key) for this request, or answers what an earlier request with it left. */
  async claim(request: FastifyRequest & { actor?: Actor }, key: string): Promise<Claimed> {
    const scope = `${request.actor?.id ?? 'anonymous'}:${request.method} ${request.routeOptions.url}:${key}`;
    // Canonical JSON: a retry that writes the same fields in another order is the same request.
    const bodyHash = createHash('sha256')
      .update(canonicalJson({ body: request.body ?? null, params: request.params ?? null }))
      .digest('base64url');
    const earlier = await this.earlier(scope, bodyHash);
    if (!earlier) return { scope };
    if (earlier.bodyHash !== bodyHash) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'idempotency-key-reused',
        'Idempotency key reused',
        'This Idempotency-Key was used with a different request.',
      );
    }
    if (earlier.state !== 'completed') {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'idempotency-in-progress',
        'Request in progress',
        'The first request with this Idempotency-Key is still running.',
      );
    }
    return { replay: { statusCode: earlier.statusCode ?? 200, body: earlier.responseBody ?? null } };
  }

  /** Stores the answer the client receives, for the key's retries. */
  async complete(scope: string, statusCode: number, sent: unknown): Promise<void> {
    await this.keys.updateOne({ scope }, { $set: { state: 'completed', statusCode, responseBody: sent } });
  }

  /** A failed first attempt leaves nothing behind, so the client may retry with the same key. */
  async release(scope: string): Promise<void> {
    await this.keys.deleteOne({ scope, state: 'in-progress' });
  }

  /**
   * Claims the key in one round trip: undefined when it is ours now, else the record of the earlier
   * request with the same key (its answer or its claim), read by the same operation.
   */
  private async earlier(scope: string, bodyHash: string): Promise<IdempotencyKey | undefined> {
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
}
