import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeError } from './error-mapping.js';
import { ReplayedAnswer } from './idempotency/replayed-answer.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

export const RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves as RFC 9457 problem+json with the request id; stacks stay in the log. The one thrown
 * value that is not an error, an earlier answer replayed for its Idempotency-Key, leaves as it first left.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    if (exception instanceof ReplayedAnswer) return exception.send(http.getResponse<FastifyReply>());
    sendProblem(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = describeError(exception);
  problem.instance = request.url.split('?')[0];
  problem.requestId = String(request.id);
  if (problem.status >= 500 && problem.status !== HttpStatus.SERVICE_UNAVAILABLE) {
    request.log.error({ err: exception }, 'unhandled error');
  } else if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) {
    request.log.warn({ err: exception instanceof Error ? exception.message : exception }, 'service unavailable');
  }
  if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
  if (exception instanceof HttpException) {
    const retryAfter = (exception.getResponse() as { retryAfter?: number } | undefined)?.retryAfter;
    if (retryAfter) reply.header('Retry-After', String(retryAfter));
  }
  // A 429 always says when to come back; one that names no wait of its own asks for a minute.
  if (problem.status === HttpStatus.TOO_MANY_REQUESTS && !reply.hasHeader('retry-after')) reply.header('Retry-After', '60');
  void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
