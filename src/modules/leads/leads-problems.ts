import { HttpStatus, NotFoundException } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';

export const leadNotFound = () => new NotFoundException('No such lead.');

export const leadPhoneTaken = (phone: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'lead-phone-taken', 'Phone number taken', `The tenant already has a lead with ${phone}.`, {
    phone,
  });

export const invalidPhone = (field: string) => new ValidationProblem([{ field, message: 'is not a valid phone number' }]);

export const leadDoNotCall = () =>
  new ProblemException(HttpStatus.CONFLICT, 'lead-do-not-call', 'Lead is do-not-call', 'A do-not-call lead is not contacted.');

export const importTooLarge = (rows: number, max: number) =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'lead-import-too-large',
    'Import too large',
    `The import holds ${rows} rows; one request takes at most ${max}. Split the file.`,
    { rows, max },
  );
