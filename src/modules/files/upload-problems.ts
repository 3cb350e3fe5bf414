import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

export class UploadTooLarge extends ProblemException {
  constructor(maxBytes: number) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, 'upload-too-large', 'File too large', `This file may be at most ${maxBytes} bytes.`, {
      maxBytes,
    });
  }
}

export class UnsupportedFileType extends ProblemException {
  constructor(purpose: string, allowed: readonly string[], detected?: string) {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-file-type',
      'Unsupported file type',
      detected
        ? `The file's content is ${detected}, which a ${purpose} may not be.`
        : `The file's content is not a type a ${purpose} may be.`,
      { allowed },
    );
  }
}

export class MultipartRequired extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'multipart-required',
      'Multipart body required',
      'Send the file as multipart/form-data, with its text fields before the file part.',
    );
  }
}

export class FileMissing extends ProblemException {
  constructor(field: string) {
    super(HttpStatus.BAD_REQUEST, 'file-missing', 'File missing', `The form has no file part named "${field}".`);
  }
}
