import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { validateEnvironment } from './core/config/environment.js';
import { createClientErrorHandler } from './core/http/client-error.js';
import { enforceContract } from './core/http/contract.js';
import { closeConnectionsOnShutdown } from './core/http/graceful-shutdown.js';
import { enforceInputLimits, scanBodyWhileReading } from './core/http/input-limits.hook.js';
import { mountSwagger } from './core/http/openapi.js';
import { sendProblem } from './core/http/problem.filter.js';
import { requestIdFrom } from './core/http/request-id.js';
import { securityHeaders } from './core/http/security-headers.js';
import { serverOptions } from './core/http/server-options.js';
import { createValidationPipe } from './core/http/validation.js';
import { AccessLogController, writeAccessLine } from './core/logging/access-log.js';
import { createRootLogger, PinoNestLogger } from './core/logging/logger.js';
import { assignTrace, enterRequestContext } from './core/logging/request-context.js';
import { registerMetrics } from './core/metrics/index.js';

export interface CreatedApp {
  app: NestFastifyApplication;
  logger: Logger;
}

/** Builds the application exactly as it serves, for main.ts and for the tests (which may bring a logger that captures). */
export async function createApp(given: { logger?: Logger } = {}): Promise<CreatedApp> {
  const env = validateEnvironment(process.env);
  const logger = given.logger ?? createRootLogger(env.LOG_LEVEL);
  const options: FastifyHttpOptions<Server> = {
    ...serverOptions(env),
    loggerInstance: logger,
    genReqId: requestIdFrom,
    // No child logger per request: the request context's mixin stamps the ids on every line.
    childLoggerFactory: () => logger,
    logController: new AccessLogController(logger),
    // Bad request lines, oversized headers and timeouts, before any request exists.
    clientErrorHandler: createClientErrorHandler(logger),
    // Errors Fastify's router raises before any route runs (over-long or malformed path segments); no hook
    // runs for them, so their trace and access line are written here.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      assignTrace(request, reply);
      reply.raw.once('finish', () => writeAccessLine(logger, request, reply));
      sendProblem(error, request, reply);
    },
  };
  const adapter = new FastifyAdapter(options);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(), adapter, {
    logger: new PinoNestLogger(logger),
    rawBody: true,
    abortOnError: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON (and forms, parsed by Nest); plain text is answered 415 rather than half-parsed.
  fastify.removeContentTypeParser('text/plain');
  registerMetrics(app);
  fastify.decorateRequest('traceId', '');
  fastify.addHook('onRequest', enterRequestContext);
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) =>
    headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  // In onSend, not onRequest: answers Fastify gives before any hook ran (router errors) carry the id too.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  // Hostile shapes cost a bounded count while the body streams in, and one bounded walk before any guard or pipe.
  fastify.addHook('preParsing', scanBodyWhileReading);
  fastify.addHook('preValidation', enforceInputLimits);
  closeConnectionsOnShutdown(fastify);
  // 405 with Allow for a known path's other methods, 400 for a missing body: what /docs-json promises.
  enforceContract(app);

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe({ crossCheck: env.VALIDATION_CROSS_CHECK }));
  mountSwagger(app);
  return { app, logger };
}
