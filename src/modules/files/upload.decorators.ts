import { applyDecorators, createParamDecorator, UseInterceptors, type ExecutionContext } from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationProblem } from '../../core/http/problem.js';
import { MultipartOnly, UPLOAD_CEILING, type UploadRequest } from './multipart-only.interceptor.js';
import { FileMissing } from './upload-problems.js';
import type { UploadPart } from './upload-reader.js';

/** The form field that carries the file on every upload route. */
export const UPLOAD_FIELD = 'file';

/**
 * A route that takes one file as multipart/form-data (text fields first, then the file in `file`).
 * The parser's byte limit sits one above the configured ceiling, so the upload reader, which knows the
 * purpose's own limit, is the one that answers 413.
 */
export const AcceptsUpload = () =>
  applyDecorators(
    UseInterceptors(
      MultipartOnly,
      FileStreamInterceptor(UPLOAD_FIELD, {
        limits: (request: UploadRequest) => ({
          fileSize: (request[UPLOAD_CEILING] ?? 0) + 1,
          files: 1,
          fields: 20,
          fieldSize: 4096,
          parts: 21,
        }),
      }),
    ),
    ApiConsumes('multipart/form-data'),
    // The form's text fields are added to the document from the route's @UploadFields DTO.
    ApiBody({
      schema: {
        type: 'object',
        required: [UPLOAD_FIELD],
        properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: 'Exactly one file, after the text fields' } },
      },
    }),
  );

/** The upload's file part, unread; a form without one is 400. */
export const UploadedPart = createParamDecorator((_: unknown, context: ExecutionContext): UploadPart => {
  const file = context.switchToHttp().getRequest<{ file?: MultipartFileStream }>().file;
  if (!file || typeof file !== 'object' || !('stream' in file)) throw new FileMissing(UPLOAD_FIELD);
  return { stream: file.stream, fileName: file.originalname };
});

type Constructor<T> = new () => T;

/**
 * The form's text fields, validated against a DTO as strictly as a JSON body (unknown fields refused).
 * `@Body()` cannot be used on an upload route: the body is not parsed until the interceptors run.
 */
export const UploadFields = createParamDecorator(<T extends object>(dto: Constructor<T>, context: ExecutionContext): T => {
  const body = context.switchToHttp().getRequest<{ body?: Record<string, unknown> }>().body ?? {};
  const fields = plainToInstance(dto, { ...body });
  const errors = validateSync(fields, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ValidationProblem(
      errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => ({ field: error.property, message }))),
    );
  }
  return fields;
});
