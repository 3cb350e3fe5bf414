import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { makeExact } from './openapi-exact.js';
import { operationIdOf } from './openapi-handlers.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { ProblemResponseDto } from './problem.dto.js';

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
};

const problemRef = { $ref: '#/components/schemas/ProblemResponseDto' };

const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemRef } },
  ...(headers ? { headers } : {}),
});

const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' } });
// Limited routes send these on every answer (IETF draft "RateLimit header fields"), the 429 with its wait.
const rateLimited = {
  ...retryAfter,
  'RateLimit-Limit': integerHeader('Requests allowed in the window'),
  'RateLimit-Remaining': integerHeader('Requests left in the window'),
  'RateLimit-Reset': integerHeader('Seconds until the window resets'),
};

/**
 * The errors every route can answer (bad input, rate limit, database away, …) are the same
 * everywhere, so they are added here once instead of on each handler; handler-specific ones stay on the handler.
 */
function addCommonErrors(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (!operation?.responses) continue;
      const responses = operation.responses;
      const add = (status: string, response: unknown) => (responses[status] ??= response);
      const hasInput = Boolean(operation.requestBody) || (operation.parameters ?? []).some((p) => p.in === 'query' || p.in === 'path');
      if (hasInput) add('400', problem('Invalid input: unknown or malformed fields, operator keys, malformed id'));
      if (operation.requestBody) {
        add('413', problem('Body larger than the limit'));
        add('415', problem('Unsupported content type'));
      }
      if (operation.security?.length) add('401', problem('Missing or invalid access token'));
      if ((operation.parameters ?? []).some((p) => p.in === 'path')) {
        add('403', problem('The resource belongs to another user'));
        add('404', problem('No such resource'));
        add('414', problem('A path segment longer than any id'));
      }
      add('429', problem('Too many requests', rateLimited));
      add('503', problem('Database unreachable', retryAfter));
      add('500', problem('Unexpected error (logged with the request id)'));
    }
  }
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Atrium API')
    .setDescription(
      'One backend for learning, billing, support and community platforms. Errors are RFC 9457 problem+json; ' +
        'lists take page and limit (max 100); ids are 24-hex strings.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemResponseDto],
    operationIdFactory: operationIdOf,
  });
  makeExact(document, app);
  addCommonErrors(document);
  return document;
}

export function mountSwagger(app: INestApplication): void {
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Atrium API' });
}
