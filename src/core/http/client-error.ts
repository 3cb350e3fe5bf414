import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.js';

/** Largest request head (request line and headers); a bearer token and a few cookies fit well inside. */
export const MAX_HEADER_BYTES = 16 * 1024;

const CLIENT_ERRORS: Record<string, { status: number; slug: string; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    slug: 'headers-too-large',
    title: 'Request header fields too large',
    detail: `The request line and headers exceed ${MAX_HEADER_BYTES} bytes.`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    slug: 'request-timeout',
    title: 'Request timeout',
    detail: 'The request was not received in time.',
  },
};

const MALFORMED = { status: 400, slug: 'malformed-request', title: 'Bad request', detail: 'The request is not valid HTTP/1.1.' };

interface ClientSocket extends Duplex {
  /** The response in progress on this connection, if any (Node's own field). */
  _httpMessage?: { headersSent?: boolean } | null;
}

/** The raw HTTP answer to a request Node could not parse or did not receive in time. */
export function clientErrorResponse(code: string | undefined, requestId = randomUUID()): { status: number; raw: string } {
  const known = (code && CLIENT_ERRORS[code]) || MALFORMED;
  const problem: ProblemDetails = {
    type: problemType(known.slug),
    title: known.title,
    status: known.status,
    detail: known.detail,
    requestId,
  };
  const body = JSON.stringify(problem);
  const head = [
    `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    `x-request-id: ${requestId}`,
  ];
  return { status: known.status, raw: `${head.join('\r\n')}\r\n\r\n${body}` };
}

/**
 * Fastify's clientErrorHandler: errors raised before a request exists (bad request line, headers over
 * MAX_HEADER_BYTES, request or header timeouts) are answered problem+json like every other error,
 * then the connection is closed, since the parser cannot recover from them.
 */
export function createClientErrorHandler(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: ClientSocket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // A response already on the wire cannot be replaced by another one.
    if (!socket.writable || socket.writableEnded || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const { status, raw } = clientErrorResponse(error.code, requestId);
    logger.info({ requestId, code: error.code, status }, 'client error');
    socket.end(raw, () => socket.destroy());
  };
}
