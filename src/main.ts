import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { EnvironmentError, validateEnvironment } from './core/config/environment.js';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const { app, logger } = await createApp();
  await app.listen({ port: env.PORT, host: env.HOST });
  logger.info(`Atrium listening on http://localhost:${env.PORT} (Swagger UI at /docs)`);
}

main().catch((error: unknown) => {
  // A bad environment is one readable line, not a stack trace.
  if (error instanceof EnvironmentError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
