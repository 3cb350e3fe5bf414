import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Actor } from '../auth/roles.js';

/** Probes hit every few seconds from every balancer: at info they would drown the traffic that matters. */
const HEALTH_ROUTES = '/api/health';
/** An unmatched path is the caller's text: bounded, so a long one cannot bloat the line. */
const MAX_UNMATCHED_PATH = 200;

/**
 * One access line per request, written when the response has finished (after the onResponse hooks):
 * `info` for every answered request, 4xx included (the caller's mistakes, not the service's), `error` for 5xx
 * and for responses that failed on the wire, `debug` for health probes whatever their status.
 */
export function writeAccessLine(logger: Logger, request: FastifyRequest, reply: FastifyReply, error?: Error | null): void {
  const status = reply.statusCode;
  const template = request.routeOptions.url;
  const health = template !== undefined && (template === HEALTH_ROUTES || template.startsWith(`${HEALTH_ROUTES}/`));
  const level = health ? 'debug' : status >= 500 || error ? 'error' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const length = reply.getHeader('content-length');
  logger[level](
    {
      requestId: String(request.id),
      traceId: request.traceId || undefined,
      method: request.method,
      // The route's template, never the query string (it may carry tokens).
      route: template ?? unmatchedPath(request.url),
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      bytes: length === undefined ? undefined : Number(length),
      ip: request.ip,
      userId: (request as FastifyRequest & { actor?: Actor }).actor?.id,
      err: error ?? undefined,
    },
    'request completed',
  );
}

function unmatchedPath(url: string): string {
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)).slice(0, MAX_UNMATCHED_PATH);
}

/**
 * Fastify's request lines, replaced: nothing when a request arrives, the access line when it has been answered.
 * Its error lines (default error handler, stream failures) stay; `disableRequestLogging` would silence those too.
 */
export class AccessLogController extends LogController {
  constructor(private readonly logger: Logger) {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    writeAccessLine(this.logger, request, reply, error);
  }

  /** The access line already says 404 with the path, without the query string Fastify's own line would keep. */
  override routeNotFound(): void {}
}
