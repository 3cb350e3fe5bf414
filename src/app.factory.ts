import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyHttpOptions, type FastifyReply, type FastifyRequest } from 'fastify';
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
import { serverOptions } from './core/http/server-options.js';
import { createValidationPipe } from './core/http/validation.js';
import { createRootLogger, PinoNestLogger } from './core/logging/logger.js';
import { requestContext } from './core/logging/request-context.js';

export interface CreatedApp {
  app: NestFastifyApplication;
  logger: Logger;
}

/** Builds the application exactly as it serves, for main.ts and for the tests. */
export async function createApp(): Promise<CreatedApp> {
  const env = validateEnvironment(process.env);
  const logger = createRootLogger(env.LOG_LEVEL);
  const options: FastifyHttpOptions<Server> = {
    ...serverOptions(env),
    loggerInstance: logger,
    genReqId: requestIdFrom,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Bad request lines, oversized headers and timeouts, before any request exists.
    clientErrorHandler: createClientErrorHandler(logger),
    // Errors Fastify's router raises before any route runs (over-long or malformed path segments).
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply),
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
  fastify.addHook('onRequest', (request, _reply, done) => requestContext.run({ requestId: String(request.id) }, done));
  // One helmet instance for the process: its headers are computed once, not on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI inlines its styles and loads its bundle from this origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // Plain-http deployments (localhost, behind a TLS proxy) must still load Swagger UI's assets.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Hostile shapes cost a bounded count while the body streams in, and one bounded walk before any guard or pipe.
  fastify.addHook('preParsing', scanBodyWhileReading);
  fastify.addHook('preValidation', enforceInputLimits);
  closeConnectionsOnShutdown(fastify);
  // 405 with Allow for a known path's other methods, 400 for a missing body: what /docs-json promises.
  enforceContract(app);

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  mountSwagger(app);
  return { app, logger };
}
