import { randomFillSync } from 'node:crypto';

/**
 * Trace and span ids from the system's CSPRNG, drawn from one buffer refilled every few hundred ids:
 * one `randomBytes` call per id would be a syscall-sized cost on every request.
 */
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

function randomHex(bytes: number): string {
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

const ZERO = /^0+$/;

/** 16 random bytes as 32 hex characters; all zeros is not a valid id, so it is drawn again. */
export function newTraceId(): string {
  const id = randomHex(16);
  return ZERO.test(id) ? newTraceId() : id;
}

/** 8 random bytes as 16 hex characters, never all zeros. */
export function newSpanId(): string {
  const id = randomHex(8);
  return ZERO.test(id) ? newSpanId() : id;
}
