import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblem } from '../problem.dto.js';
import { KEY_FORMAT } from './idempotency-keys.js';
import { IdempotencyGuard } from './idempotency.guard.js';

export const IDEMPOTENT_KEY = 'atrium:idempotent';

/**
 * For POSTs that move money: with an `Idempotency-Key` header, the same key and body replay the
 * first answer; the same key with another body is 409.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    UseGuards(IdempotencyGuard),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retry-safe key (8–255 characters), remembered for 24 hours',
      schema: { type: 'string', pattern: KEY_FORMAT.source },
    }),
    ApiProblem(409, 'Idempotency-Key reused with a different body, or its first request is still running'),
  );
