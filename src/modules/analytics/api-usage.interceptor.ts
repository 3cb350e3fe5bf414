import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { Actor } from '../../core/auth/roles.js';
import { ApiUsageRecorder } from './api-usage.recorder.js';

/** The account's own deletion (identity's `DELETE /api/users/me`). */
const ACCOUNT_DELETION = '/api/users/me';

/**
 * Records every signed-in request (method, route template, status, duration) when its answer is
 * sent. Anonymous and public calls are skipped. On the hot path it only adds a listener; the record
 * is buffered and written by ApiUsageRecorder.
 */
@Injectable()
export class ApiUsageInterceptor implements NestInterceptor {
  constructor(private readonly recorder: ApiUsageRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { actor?: Actor }>();
    const actor = request.actor;
    if (!actor) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const started = performance.now();
    reply.raw.once('finish', () => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.raw.statusCode;
      // The call that deleted the caller's account is answered after its erasure ran: recorded, it would outlive it.
      if (request.method === 'DELETE' && route === ACCOUNT_DELETION && status < 300) return;
      this.recorder.record({
        userId: actor.id,
        method: request.method,
        route,
        status,
        durationMs: Math.round(performance.now() - started),
      });
    });
    return next.handle();
  }
}
