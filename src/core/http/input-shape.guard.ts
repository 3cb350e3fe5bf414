import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { INPUT_LIMITS } from './input-limits.js';
import { ValidationProblem, type FieldError } from './problem.js';
import { routeMetadata } from './route-metadata.js';

// The preValidation hook has already refused deeper input; this keeps the scan safe on its own.
const MAX_DEPTH = INPUT_LIMITS.depth;
const SIGNED_PAYLOAD_KEY = 'atrium:signed-payload';

/** For webhook routes whose body is verified by a provider signature over the raw bytes. */
export const SignedPayload = () => SetMetadata(SIGNED_PAYLOAD_KEY, true);

/**
 * First layer against operator injection: no key in a body or query string may start with `$`
 * or contain a dot, so `{"email": {"$gt": ""}}` or `?email[$ne]=x` never reaches a handler.
 * Runs as the first global guard, before authentication.
 */
@Injectable()
export class InputShapeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const errors: FieldError[] = [];
    findOperatorKeys(request.query, 'query', errors, 0);
    // Signed provider payloads (webhooks) keep the provider's format; their signature vouches for them.
    const signed = routeMetadata<boolean>(this.reflector, context, SIGNED_PAYLOAD_KEY);
    if (!signed) findOperatorKeys(request.body, 'body', errors, 0);
    if (errors.length > 0) throw new ValidationProblem(errors, 'Field names may not start with "$" or contain ".".');
    return true;
  }
}

export function findOperatorKeys(value: unknown, path: string, errors: FieldError[], depth = 0): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    errors.push({ field: path, message: 'is nested too deeply' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => findOperatorKeys(item, `${path}[${index}]`, errors, depth + 1));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$') || key.includes('.') || key.includes('[$')) {
      errors.push({ field: `${path}.${key}`, message: 'is not an allowed field name' });
      continue;
    }
    findOperatorKeys(child, `${path}.${key}`, errors, depth + 1);
  }
}
