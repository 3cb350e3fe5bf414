import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  connection: Connection;
  /** Every route the server registered, as "METHOD /path/{param}". */
  routes: string[];
  close(options?: { dropDatabase?: boolean }): Promise<void>;
}

/** The real application on the real HTTP stack, against this file's own database. */
export async function startTestApp(): Promise<TestApp> {
  const { app } = await createApp();
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
      }
    });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    connection,
    routes,
    http: () => request(app.getHttpServer()),
    close: async ({ dropDatabase = true } = {}) => {
      if (dropDatabase) await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}
