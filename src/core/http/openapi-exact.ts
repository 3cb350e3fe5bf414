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

/**
 * A pipe that checks a path key may say how, as `static pathSchema`: the document then states the
 * same rule the pipe applies, from the pipe itself rather than a decorator that could drift from it.
 */
export interface DocumentedPathPipe {
  pathSchema: JsonSchema;
}

function pathSchemaOf(pipes: unknown[]): JsonSchema | undefined {
  for (const pipe of pipes) {
    if (isObjectIdPipe(pipe)) return { type: 'string', pattern: OBJECT_ID_PATTERN };
    const type = typeof pipe === 'function' ? pipe : (pipe as object | undefined)?.constructor;
    const schema = (type as Partial<DocumentedPathPipe> | undefined)?.pathSchema;
    if (schema) return schema;
  }
  return undefined;
}

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
      } else if (param.source === 'other' && isDtoClass(param.type) && operation.requestBody?.content?.['multipart/form-data']) {
        // An upload's text fields, validated against a DTO by their own decorator: the form states the
        // DTO's fields, and keeps the file part the route declares.
        const form = operation.requestBody.content['multipart/form-data'];
        const fields = components[requests.of(param.type)];
        const file = form.schema?.properties?.file ?? { type: 'string', format: 'binary' };
        form.schema = {
          type: 'object',
          required: [...(fields.required ?? []), 'file'],
          properties: { ...fields.properties, file },
          additionalProperties: false,
        };
      } else if (param.source === 'query' && param.name === undefined && isDtoClass(param.type)) {
        exactQuery(operation, param.type);
      } else if (param.source === 'path') {
        const schema = pathSchemaOf(param.pipes);
        if (!schema || !param.name) continue;
        const parameters = (operation.parameters ??= []);
        const parameter = parameters.find((p) => p.in === 'path' && p.name === param.name);
        // The generator drops a path key named `type` (it reads the name as the parameter's own type).
        if (parameter) parameter.schema = { ...schema };
        else parameters.push({ name: param.name, in: 'path', required: true, schema: { ...schema } });
      }
    }
  }
}
