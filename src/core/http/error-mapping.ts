import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { problemType, ProblemException, type FieldError, type ProblemDetails } from './problem.js';

/** Names of driver errors that mean "the database is away right now", not "the request is bad". */
const UNAVAILABLE_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClosedError',
  'MongoExpiredSessionError',
]);

/** Fastify's own request errors (body parsing, size, media type), by code. */
const FASTIFY_ERRORS: Record<string, { status: number; slug: string; title: string }> = {
  FST_ERR_BAD_URL: { status: 400, slug: 'malformed-url', title: 'Malformed URL' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, slug: 'uri-too-long', title: 'URI too long' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, slug: 'payload-too-large', title: 'Payload too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, slug: 'bad-request', title: 'Bad request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, slug: 'malformed-body', title: 'Malformed body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, slug: 'malformed-body', title: 'Malformed body' },
};

function plain(status: number, slug: string, title: string, detail?: string): ProblemDetails {
  return { type: problemType(slug), title, status, detail };
}

/** Turns anything thrown into the problem it stands for, without leaking internals. */
export function describeError(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) {
    return { type: problemType(error.slug), title: error.title, status: error.getStatus(), detail: error.message, ...error.extensions };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail = typeof body === 'string' ? body : (messageOf(body) ?? error.message);
    return plain(status, slugFor(status), STATUS_CODES[status] ?? 'Error', detail);
  }
  const named = error as { name?: string; code?: string | number; statusCode?: number; message?: string } | undefined;
  if (named && typeof named.code === 'string' && FASTIFY_ERRORS[named.code]) {
    const known = FASTIFY_ERRORS[named.code];
    return plain(known.status, known.slug, known.title, named.message);
  }
  if (named?.name === 'SyntaxError' && named.statusCode === 400) {
    return plain(400, 'malformed-body', 'Malformed body', 'The body is not valid JSON.');
  }
  if (named?.name === 'CastError') {
    const cast = error as { path?: string; kind?: string };
    return {
      ...plain(400, 'validation-failed', 'Validation failed', `${cast.path ?? 'A field'} is not a valid ${cast.kind ?? 'value'}.`),
      errors: [{ field: cast.path ?? 'unknown', message: `must be a valid ${cast.kind ?? 'value'}` }],
    };
  }
  if (named?.name === 'ValidationError' && typeof (error as { errors?: unknown }).errors === 'object') {
    const errors: FieldError[] = Object.entries((error as { errors: Record<string, { message: string }> }).errors).map(([field, e]) => ({
      field,
      message: e.message,
    }));
    return { ...plain(400, 'validation-failed', 'Validation failed', 'The request has invalid fields.'), errors };
  }
  if (isUnstorableInput(named)) {
    return plain(400, 'validation-failed', 'Validation failed', 'A field name holds a character the database cannot store.');
  }
  if (named?.code === 11000 || named?.code === 11001) {
    const keys = Object.keys((error as { keyPattern?: Record<string, unknown> }).keyPattern ?? {});
    return { ...plain(409, 'duplicate', 'Conflict', `A resource with the same ${keys.join(', ') || 'key'} already exists.`), fields: keys };
  }
  if (named?.name && (UNAVAILABLE_ERRORS.has(named.name) || isBufferingTimeout(named))) {
    return plain(503, 'database-unavailable', 'Service unavailable', 'The database is unreachable; retry shortly.');
  }
  if (named && typeof named.statusCode === 'number' && named.statusCode >= 400 && named.statusCode < 500) {
    return plain(named.statusCode, slugFor(named.statusCode), STATUS_CODES[named.statusCode] ?? 'Error', named.message);
  }
  return plain(500, 'internal', 'Internal server error', 'An unexpected error occurred; it has been logged.');
}

/** BSON refusing the caller's own field names or patterns (NUL bytes, `$`, `.`): the input's fault, not ours. */
const UNSTORABLE_INPUT = /must not contain null bytes|cannot contain null bytes|must not start with '\$'|must not contain '\.'/;

function isUnstorableInput(error: { name?: string; message?: string } | undefined): boolean {
  return error?.name === 'BSONError' && UNSTORABLE_INPUT.test(error.message ?? '');
}

function isBufferingTimeout(error: { name?: string; message?: string }): boolean {
  return error.name === 'MongooseError' && /buffering timed out|before initial connection/i.test(error.message ?? '');
}

function messageOf(body: object): string | undefined {
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

function slugFor(status: number): string {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return 'bad-request';
    case HttpStatus.UNAUTHORIZED:
      return 'unauthenticated';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'not-found';
    case HttpStatus.CONFLICT:
      return 'conflict';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'payload-too-large';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'rate-limited';
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'client-error';
  }
}
