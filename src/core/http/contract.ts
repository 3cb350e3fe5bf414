import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { answerUnservedMethods } from './method-not-allowed.js';
import { RequestBodyGuard } from './request-body.guard.js';

/**
 * What the OpenAPI document promises and the framework alone would not do: 405 with `Allow` for a known
 * path's other methods; 400 for a missing required body or a null optional field.
 * Call before the routes are registered.
 */
export function enforceContract(app: NestFastifyApplication): void {
  answerUnservedMethods(app.getHttpAdapter().getInstance());
  // Global guards given here run after the modules' APP_GUARDs (input shape, rate limits, access).
  app.useGlobalGuards(new RequestBodyGuard());
}
