import { BadRequestException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { BSON, MongoServerSelectionError } from 'mongodb';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { describeError } from './error-mapping.js';
import { IllegalTransitionProblem, ValidationProblem } from './problem.js';
import { RateLimitedProblem } from './rate-limit.problem.js';

describe('error mapping', () => {
  it('keeps field errors of a validation problem', () => {
    const problem = describeError(new ValidationProblem([{ field: 'email', message: 'must be an email' }]));
    expect(problem).toMatchObject({
      status: 400,
      type: 'urn:atrium:problem:validation-failed',
      errors: [{ field: 'email', message: 'must be an email' }],
    });
  });

  it('answers illegal transitions with 409', () => {
    expect(describeError(new IllegalTransitionProblem('ticket', 'closed', 'open'))).toMatchObject({
      status: 409,
      from: 'closed',
      to: 'open',
    });
  });

  it('maps Nest HTTP exceptions to their status', () => {
    expect(describeError(new NotFoundException('No such user.'))).toMatchObject({ status: 404, detail: 'No such user.' });
    expect(describeError(new BadRequestException(['a', 'b']))).toMatchObject({ status: 400 });
  });

  it('answers a rate limit with 429 rate-limited, and a 429 thrown by a service the same way', () => {
    const expected = { status: 429, type: 'urn:atrium:problem:rate-limited', title: 'Too many requests' };
    expect(describeError(new RateLimitedProblem(30))).toMatchObject({ ...expected, detail: 'Rate limit exceeded; retry later.' });
    expect(describeError(new HttpException('Slow down.', HttpStatus.TOO_MANY_REQUESTS))).toMatchObject({
      status: 429,
      type: expected.type,
    });
  });

  it('maps a duplicate key to 409 naming the fields', () => {
    const duplicate = Object.assign(new Error('E11000'), { code: 11000, keyPattern: { email: 1 } });
    expect(describeError(duplicate)).toMatchObject({ status: 409, fields: ['email'] });
  });

  it('maps cast and schema validation errors to 400', () => {
    const cast = new mongoose.Error.CastError('ObjectId', 'nope', '_id');
    expect(describeError(cast)).toMatchObject({ status: 400, errors: [{ field: '_id' }] });
    const invalid = new mongoose.Error.ValidationError();
    invalid.addError('amount', new mongoose.Error.ValidatorError({ message: 'must be positive', path: 'amount' }));
    expect(describeError(invalid)).toMatchObject({ status: 400, errors: [{ field: 'amount', message: 'must be positive' }] });
  });

  it('maps BSON refusing a field name (NUL byte) to 400, without echoing the name', () => {
    let thrown: unknown;
    try {
      BSON.serialize({ metadata: { 'secret\u0000key': 'x' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BSON.BSONError);
    const problem = describeError(thrown);
    expect(problem).toMatchObject({ status: 400, type: 'urn:atrium:problem:validation-failed' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('maps an unreachable database to 503', () => {
    const error = new MongoServerSelectionError('connect ECONNREFUSED', { type: 'Unknown' } as never);
    expect(describeError(error)).toMatchObject({ status: 503, type: 'urn:atrium:problem:database-unavailable' });
  });

  it('maps Fastify body errors to 413 and 415', () => {
    expect(describeError(Object.assign(new Error('too big'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }))).toMatchObject({
      status: 413,
    });
    expect(describeError(Object.assign(new Error('bad type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }))).toMatchObject({
      status: 415,
    });
  });

  it('hides anything unexpected behind a generic 500', () => {
    const problem = describeError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(problem).toMatchObject({ status: 500, detail: 'An unexpected error occurred; it has been logged.' });
    expect(JSON.stringify(problem)).not.toContain('reading');
  });
});
