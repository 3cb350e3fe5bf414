import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { flushLogs, flushLogsSync } from '../logging/logger.js';

/** After the grace period has closed the connections, how long the rest of the shutdown may still take. */
const AFTER_GRACE_MS = 3_000;

/**
 * Once the server starts closing, every answer says `Connection: close`, so each client's socket ends
 * with its answer instead of idling until the keep-alive timeout (72 s) runs out.
 */
export function closeConnectionsOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (closing && request.raw.httpVersionMajor === 1) reply.header('connection', 'close');
    done(null, payload);
  });
}

export interface ShutdownOptions {
  graceMs: number;
  logger: Logger;
  exit?: (code: number) => void;
}

/**
 * SIGTERM / SIGINT: stop accepting, close idle sockets, answer the requests already read (then close
 * their sockets), stop the schedulers, close the database, exit 0. What is still open after `graceMs`
 * is closed; a shutdown that still hangs after that exits 1.
 */
export function exitOnSignals(
  app: NestFastifyApplication,
  { graceMs, logger, exit = (code) => process.exit(code) }: ShutdownOptions,
): void {
  const server = app.getHttpServer() as Server;
  let started = false;
  const closeRemaining = (reason: string) => {
    logger.warn(`${reason}: closing the remaining connections`);
    server.closeAllConnections();
  };

  const shutdown = async (signal: NodeJS.Signals) => {
    logger.info(`${signal} received: no new connections; answering requests in flight (at most ${graceMs} ms)`);
    const grace = setTimeout(() => {
      closeRemaining(`shutdown grace of ${graceMs} ms over`);
      setTimeout(() => {
        logger.error(`shutdown still unfinished ${AFTER_GRACE_MS} ms after the grace period; exiting`);
        flushLogsSync(logger);
        exit(1);
      }, AFTER_GRACE_MS).unref();
    }, graceMs);
    grace.unref();
    try {
      // HTTP first, so nothing new arrives while schedulers stop and the database closes.
      await app.getHttpAdapter().close();
      await app.close();
      clearTimeout(grace);
      logger.info('shutdown complete');
      // Log lines are buffered: the last ones are written before the process ends.
      await flushLogs(logger);
      exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      await flushLogs(logger);
      exit(1);
    }
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return closeRemaining(`${signal} received again`);
    started = true;
    void shutdown(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
