import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppModule } from '../../src/app.module.js';

/** The application's modules without HTTP, on this file's own database: services as the routes call them (medium tests). */
export async function startMediumApp(): Promise<{ app: INestApplicationContext; close(): Promise<void> }> {
  const app = await NestFactory.createApplicationContext(AppModule.register(), { logger: false });
  await app.init();
  return {
    app,
    close: async () => {
      await app
        .get<Connection>(getConnectionToken())
        .dropDatabase()
        .catch(() => undefined);
      await app.close();
    },
  };
}
