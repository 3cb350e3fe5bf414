import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OBJECT_ID_PATTERN, ObjectIdPipe } from './object-id.pipe.js';
import { handlersByOperationId } from './openapi-handlers.js';
import { isOptional, rulesOf } from './dto-rules.js';
import { constrain, reachableComponents, RequestSchemas } from './openapi-requests.js';
import { isDtoClass, routeParams, type Constructor } from './route-params.js';
import type { JsonSchema } from './validator-schemas.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

const isObjectIdPipe = (pipe: unknown) => pipe === ObjectIdPipe || pipe instanceof ObjectIdPipe;

/** Query parameters as the DTO validates them; ones it does not whitelist are refused, so not offered. */
function exactQuery(operation: Operation, dto: Constructor): void {
  const rules = rulesOf(dto);
  operation.parameters = (operation.parameters ?? []).filter((parameter) => parameter.in !== 'query' || rules.has(parameter.name));
  for (const parameter of operation.parameters) {
    const own = parameter.in === 'query' ? rules.get(parameter.name) : undefined;
    if (!own) continue;
    parameter.schema = constrain(parameter.schema ?? {}, own);
    parameter.required = !isOptional(own);
  }
}

/**
 * Makes the generated document say exactly what the server accepts, from the same metadata the server
 * validates with: request bodies and query strings from the DTOs' validators, path ids from the id pipe.
 */
export function makeExact(document: OpenAPIObject, app: INestApplication): void {
  const components = ((document.components ??= {}).schemas ??= {}) as Record<string, JsonSchema>;
  const operations = Object.values(document.paths).flatMap((path) => Object.values(path) as Operation[]);
  const requests = new RequestSchemas(
    components,
    reachableComponents(
      operations.map((operation) => operation.responses),
      components,
    ),
  );
  const handlers = handlersByOperationId(app);
  for (const operation of operations) {
    const handler = operation.operationId ? handlers.get(operation.operationId) : undefined;
    if (!handler) continue;
    for (const param of routeParams(handler.controller, handler.method)) {
      if (param.source === 'body' && param.name === undefined && isDtoClass(param.type)) {
        const json = operation.requestBody?.content?.['application/json'];
        if (json) json.schema = { $ref: `#/components/schemas/${requests.of(param.type)}` };
      } else if (param.source === 'query' && param.name === undefined && isDtoClass(param.type)) {
        exactQuery(operation, param.type);
      } else if (param.source === 'path' && param.pipes.some(isObjectIdPipe)) {
        const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === param.name);
        if (parameter) parameter.schema = { type: 'string', pattern: OBJECT_ID_PATTERN };
      }
    }
  }
}
