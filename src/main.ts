import 'reflect-metadata';
import type { Logger } from 'pino';
import { createApp } from './app.factory.js';
import { EnvironmentError, validateEnvironment } from './core/config/environment.js';
import { exitOnSignals } from './core/http/graceful-shutdown.js';
import { createRootLogger, flushLogsSync } from './core/logging/logger.js';

let logger: Logger | undefined;

/** The last line before a crash must reach the log although lines are buffered: written synchronously, then exit. */
function exitOnFatal(error: unknown, message: string): never {
  if (logger) logger.fatal({ err: error }, message);
  else console.error(error);
  flushLogsSync(logger);
  process.exit(1);
}

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  logger = createRootLogger(env.LOG_LEVEL);
  process.on('uncaughtException', (error) => exitOnFatal(error, 'uncaught exception'));
  const { app } = await createApp({ logger });
  // Signals are handled here, not by Nest's shutdown hooks, so the process drains in order and exits 0.
  exitOnSignals(app, { graceMs: env.SHUTDOWN_GRACE_MS, logger });
  await app.listen({ port: env.PORT, host: env.HOST });
  // PORT=0 takes any free port: the line names the one the system gave, for whoever started the process.
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port }, `Atrium listening on http://localhost:${port} (Swagger UI at /docs)`);
}

main().catch((error: unknown) => {
  // A bad environment is one readable line, not a stack trace.
  if (error instanceof EnvironmentError) {
    console.error(error.message);
    process.exit(1);
  }
  exitOnFatal(error, 'start failed');
});
