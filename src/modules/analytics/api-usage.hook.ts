import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Actor } from '../../core/auth/roles.js';
import { ApiUsageRecorder } from './api-usage.recorder.js';

/** The account's own deletion (identity's `DELETE /api/users/me`). */
const ACCOUNT_DELETION = '/api/users/me';

/**
 * Records every signed-in request (method, route template, status, duration) once its answer is sent,
 * whichever module served it; anonymous and public calls are skipped. A Fastify `onResponse` hook
 * rather than a global Nest interceptor: an interceptor would put every route of the application
 * through Nest's observable chain for a record that only needs the finished reply. The record is
 * buffered and written by ApiUsageRecorder.
 */
@Injectable()
export class ApiUsageHook implements OnModuleInit {
  constructor(
    private readonly recorder: ApiUsageRecorder,
    private readonly http: HttpAdapterHost,
  ) {}

  /** Module init runs before the server is ready, and Fastify gives a root hook to every route then. */
  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', this.onResponse);
  }

  readonly onResponse = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const actor = (request as FastifyRequest & { actor?: Actor }).actor;
    if (!actor) return done();
    // Only a guard that verified a token sets the actor, so the request matched a route.
    const route = request.routeOptions.url!;
    const status = reply.statusCode;
    // The call that deleted the caller's account is answered after its erasure ran: recorded, it would outlive it.
    const erasedItsAccount = request.method === 'DELETE' && route === ACCOUNT_DELETION && status < 300;
    if (!erasedItsAccount) {
      this.recorder.record({ userId: actor.id, method: request.method, route, status, durationMs: Math.round(reply.elapsedTime) });
    }
    done();
  };
}
