import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { shapeErrors } from './dto-rules.js';
import { ValidationProblem } from './problem.js';
import { bodyDtoOf, type Constructor } from './route-params.js';

/**
 * What the validation pipe lets through although the document forbids it: a missing body (the pipe
 * turns it into `{}`, which a DTO of optional fields accepts), and the shape errors of shapeErrors().
 * Runs before the pipes, which cannot tell a missing body from `{}`.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  private readonly dtos = new WeakMap<object, Constructor | null>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const dto = context.getType() === 'http' ? this.dtoOf(context) : undefined;
    if (dto) {
      const { body } = context.switchToHttp().getRequest<FastifyRequest>();
      if (body === undefined || body === null) {
        throw new ValidationProblem([{ field: 'body', message: 'a JSON body is required' }], 'A JSON body is required.');
      }
      const errors = shapeErrors(body, dto);
      if (errors.length > 0) throw new ValidationProblem(errors);
    }
    return next.handle();
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
