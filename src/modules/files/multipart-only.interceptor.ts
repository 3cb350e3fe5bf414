import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { FilesConfig } from './files.config.js';
import { MultipartRequired } from './upload-problems.js';

/** Where this interceptor leaves the configured ceiling for the multipart parser's limits (see upload.decorators.ts). */
export const UPLOAD_CEILING = Symbol('atrium:upload-ceiling');

export type UploadRequest = FastifyRequest & { [UPLOAD_CEILING]?: number; isMultipart?: () => boolean };

/** Answers anything but multipart/form-data with a 415 problem before the parser runs, and hands it the size ceiling. */
@Injectable()
export class MultipartOnly implements NestInterceptor {
  constructor(private readonly config: FilesConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) throw new MultipartRequired();
    request[UPLOAD_CEILING] = this.config.UPLOAD_MAX_BYTES;
    return next.handle();
  }
}
