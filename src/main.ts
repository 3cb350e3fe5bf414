import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { EnvironmentError, validateEnvironment } from './core/config/environment.js';
import { exitOnSignals } from './core/http/graceful-shutdown.js';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const { app, logger } = await createApp();
  // Signals are handled here, not by Nest's shutdown hooks, so the process drains in order and exits 0.
  exitOnSignals(app, { graceMs: env.SHUTDOWN_GRACE_MS, logger });
  await app.listen({ port: env.PORT, host: env.HOST });
  logger.info(`Atrium listening on http://localhost:${env.PORT} (Swagger UI at /docs)`);
}

main().catch((error: unknown) => {
  // A bad environment is one readable line, not a stack trace.
  if (error instanceof EnvironmentError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
