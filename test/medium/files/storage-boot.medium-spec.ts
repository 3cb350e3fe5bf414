import { NestFactory } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../../../src/app.module.js';

describe('starting with S3 storage', () => {
  it('stops with one line naming the variable when the S3 configuration is incomplete', async () => {
    Object.assign(process.env, { FILE_STORAGE: 's3', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' });
    delete process.env.S3_BUCKET;
    // abortOnError off, as in app.factory.ts: the failure is thrown to the caller instead of ending the process.
    const starting = NestFactory.createApplicationContext(AppModule.register(), { logger: false, abortOnError: false });
    await expect(starting).rejects.toThrow(/^Invalid environment: S3_BUCKET [^\n]+$/);
  });
});
