import { inject, type TestContext } from 'vitest';
import { freePort, startStandin } from '../../src/core/database/mongo-standin.js';

export interface DisposableDatabase {
  uri: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * A database server of the run's own kind that a test may stop and start again on the same port.
 * A server named by MONGODB_URI is not ours to stop: such a test is skipped.
 */
export async function startDisposableDatabase(context: TestContext): Promise<DisposableDatabase> {
  const kind = inject('databaseKind');
  if (kind === 'external') context.skip('MONGODB_URI names a server the tests cannot stop and restart');
  const port = await freePort();
  if (kind === 'standin') {
    let running = await startStandin({ port });
    return {
      uri: `${running.uri}/outage`,
      stop: () => running.stop(),
      restart: async () => {
        running = await startStandin({ port });
      },
    };
  }
  const { MongoMemoryServer } = await import('mongodb-memory-server');
  const server = await MongoMemoryServer.create({ instance: { port } });
  return {
    uri: server.getUri('outage'),
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
    restart: async () => {
      await server.start(true);
    },
  };
}
