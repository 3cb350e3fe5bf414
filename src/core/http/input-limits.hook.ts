import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RequestPayload } from 'fastify';
import { countQueryParameters, INPUT_LIMITS, scanInput, type InputLimit, type LimitBreach } from './input-limits.js';
import { FormShapeScanner, JsonShapeScanner, type ShapeScanner } from './input-shape-scanner.js';
import { sendProblem } from './problem.filter.js';
import { InputTooComplexProblem, ValidationProblem } from './problem.js';

const WHAT: Record<InputLimit, string> = {
  depth: 'nests deeper than {max} levels',
  keysPerObject: 'has an object with more than {max} fields',
  keys: 'has more than {max} fields in all',
  arrayLength: 'has a list of more than {max} items',
  values: 'has more than {max} values in all',
  keyLength: 'has a field name longer than {max} characters',
  parameters: 'has more than {max} parameters',
};

export function tooComplex({ limit, max, field }: LimitBreach): InputTooComplexProblem {
  const where = field.startsWith('query') ? 'The query string' : 'The body';
  return new InputTooComplexProblem(limit, max, field, `${where} ${WHAT[limit].replace('{max}', String(max))} (at ${field}).`);
}

/**
 * JSON bodies declared this small are parsed without a scan: 8 KB of the worst shape (empty arrays or one-letter
 * keys, some 2,000 values) parses in well under a millisecond. Longer bodies, and chunked ones, are scanned.
 */
export const SCAN_FROM_BYTES = 8 * 1024;

/** Passes the body through unchanged while a scanner counts its shape; fails the read at the first bound exceeded. */
class ShapeCheck extends Transform {
  receivedEncodedLength = 0;

  constructor(private readonly scanner: ShapeScanner) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.receivedEncodedLength += chunk.length;
    const breach = this.scanner.write(chunk);
    if (breach) callback(Object.assign(tooComplex(breach), { statusCode: 400 }));
    else callback(null, chunk);
  }
}

/**
 * The scan a body needs. A small JSON body costs the parser little whatever its shape, and the parsed-body walk
 * still bounds it, while the stream a scan needs costs about 10 µs per request. Forms are always scanned: their
 * count of parameters is bounded only here.
 */
function scannerFor(headers: FastifyRequest['headers']): ShapeScanner | undefined {
  const contentType = headers['content-type'];
  if (!contentType) return undefined;
  if (/\bjson\b/i.test(contentType)) {
    return Number(headers['content-length']) <= SCAN_FROM_BYTES ? undefined : new JsonShapeScanner();
  }
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) return new FormShapeScanner();
  return undefined;
}

/**
 * Fastify preParsing hook: JSON and form bodies are counted as they stream in, so a hostile shape is
 * refused before the parser builds it (parsing 90,000 keys alone takes ~100 ms of the event loop).
 */
export function scanBodyWhileReading(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: RequestPayload,
  done: (error: Error | null, payload?: RequestPayload) => void,
): void {
  // Fastify runs this hook for every request; one without a body (no length, nothing chunked) has nothing to scan.
  const { headers } = request;
  const hasBody =
    headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
  if (!hasBody) return done(null, payload);
  const scanner = scannerFor(headers);
  if (!scanner) return done(null, payload);
  const checked = new ShapeCheck(scanner);
  payload.on('error', (error) => checked.destroy(error));
  done(null, payload.pipe(checked));
}

/**
 * Fastify preValidation hook on every route: runs once the body is parsed and before any Nest guard,
 * pipe or handler, so the parsed body and query cost one bounded walk instead of seconds of validation.
 */
export function enforceInputLimits(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const problem = inputProblem(request.query, request.body);
  if (!problem) return done();
  sendProblem(problem, request, reply);
}

export function inputProblem(query: unknown, body: unknown): InputTooComplexProblem | ValidationProblem | undefined {
  if (countQueryParameters(query) > INPUT_LIMITS.parameters) {
    return tooComplex({ limit: 'parameters', max: INPUT_LIMITS.parameters, field: 'query' });
  }
  const scans = [scanInput(query, 'query'), scanInput(body, 'body')];
  const breach = scans.find((scan) => scan.breach)?.breach;
  if (breach) return tooComplex(breach);
  const controlKeys = scans.flatMap((scan) => scan.controlKeys);
  if (controlKeys.length > 0) return new ValidationProblem(controlKeys, 'Field names may not contain control characters.');
  return undefined;
}
