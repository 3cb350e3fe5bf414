import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { formatTraceparent, parseTraceparent, RANDOM_TRACE_ID } from './trace-context.js';
import { newSpanId, newTraceId } from './trace-ids.js';

export interface LogContext {
  requestId: string;
  traceId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The W3C trace this request belongs to: the caller's when its traceparent is valid, else a new one. */
    traceId: string;
  }
}

/** Carries the request and trace ids through every await of a request, so any log line written meanwhile has them. */
export const requestContext = new AsyncLocalStorage<LogContext>();

/** The response header naming this server's span (W3C Trace Context Level 2); `traceparent` itself is a request header. */
export const TRACE_RESPONSE_HEADER = 'traceresponse';

/** Joins the caller's trace (or starts one) and answers with it; also for requests that never reach the hooks. */
export function assignTrace(request: FastifyRequest, reply: FastifyReply): string {
  const parent = parseTraceparent(request.headers.traceparent);
  const traceId = parent?.traceId ?? newTraceId();
  request.traceId = traceId;
  reply.header(TRACE_RESPONSE_HEADER, formatTraceparent(traceId, newSpanId(), parent ? parent.flags : RANDOM_TRACE_ID));
  return traceId;
}

/** onRequest: the one `run()` of the request; everything after it (hooks, guards, handler, services) sees the store. */
export function enterRequestContext(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  requestContext.run({ requestId: String(request.id), traceId: assignTrace(request, reply) }, done);
}
