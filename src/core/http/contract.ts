import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { answerUnservedMethods } from './method-not-allowed.js';
import { RequestBodyInterceptor } from './request-body.interceptor.js';

/**
 * What the OpenAPI document promises and the framework alone would not do: 405 with `Allow` for a known
 * path's other methods; 400 for a missing required body or a null optional field.
 * Call before the routes are registered.
 */
export function enforceContract(app: NestFastifyApplication): void {
  answerUnservedMethods(app.getHttpAdapter().getInstance());
  app.useGlobalInterceptors(new RequestBodyInterceptor());
}
