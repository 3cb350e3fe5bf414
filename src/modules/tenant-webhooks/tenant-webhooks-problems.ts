import { HttpStatus, NotFoundException } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

export const endpointNotFound = () => new NotFoundException('No such webhook endpoint.');
export const deliveryNotFound = () => new NotFoundException('No such webhook delivery.');

export const tooManyEndpoints = (max: number) =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'webhook-endpoints-limit',
    'Too many webhook endpoints',
    `A tenant has at most ${max} webhook endpoints; delete one first.`,
    { max },
  );
