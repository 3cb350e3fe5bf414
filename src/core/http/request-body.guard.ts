import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { shapeErrors } from './dto-rules.js';
import { ValidationProblem } from './problem.js';
import { bodyDtoOf, type Constructor } from './route-params.js';

/**
 * What the validation pipe lets through although the document forbids it: a missing body (the pipe
 * turns it into `{}`, which a DTO of optional fields accepts), and the shape errors of shapeErrors().
 * Runs before the pipes, which cannot tell a missing body from `{}`. A guard rather than an interceptor,
 * registered after the access guards: a route without interceptors then skips Nest's observable chain.
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  private readonly dtos = new WeakMap<object, Constructor | null>();

  canActivate(context: ExecutionContext): boolean {
    const dto = context.getType() === 'http' ? this.dtoOf(context) : undefined;
    if (dto) {
      const { body } = context.switchToHttp().getRequest<FastifyRequest>();
      if (body === undefined || body === null) {
        throw new ValidationProblem([{ field: 'body', message: 'a JSON body is required' }], 'A JSON body is required.');
      }
      const errors = shapeErrors(body, dto);
      if (errors.length > 0) throw new ValidationProblem(errors);
    }
    return true;
  }

  private dtoOf(context: ExecutionContext): Constructor | undefined {
    const handler = context.getHandler();
    let dto = this.dtos.get(handler);
    if (dto === undefined) {
      dto = bodyDtoOf(context.getClass() as Constructor, handler.name) ?? null;
      this.dtos.set(handler, dto);
    }
    return dto ?? undefined;
  }
}
