import mongoose, { type Schema } from 'mongoose';
import get from 'mongoose/lib/helpers/get.js';

/** What `Model.validate` reads of its receiver: a schema and the caster. */
export interface Validating {
  schema: Schema;
  castObject: typeof mongoose.Model.castObject;
}

type Plain = Record<string, unknown>;

interface Validator {
  validator?: unknown;
  propsParameter?: boolean;
}

interface PathType {
  validators: Validator[];
  requiredValidator?: unknown;
  $isMongooseArray?: boolean;
  $isMongooseDocumentArray?: boolean;
  $isSchemaMap?: boolean;
  doValidate: unknown;
}

let crossChecked = false;

/**
 * With VALIDATION_CROSS_CHECK, every object the quick validation passes on an insert is validated by
 * `Model.validate` too, and a different answer or cast fails the insert: the tests and the contract fuzz run so.
 */
export function crossCheckInserts(on: boolean): void {
  crossChecked = on;
}

export const insertsCrossChecked = (): boolean => crossChecked;

const plainDoValidate = (mongoose.SchemaType.prototype as unknown as PathType).doValidate;
const isAsync = (fn: unknown): boolean => typeof fn === 'function' && fn.constructor?.name === 'AsyncFunction';

/**
 * `Model.validate(obj)`'s answer when it is a pass, without its promise per path: the same cast, then every
 * path's validators in the same order, called the same way, each answering at once. Answers the cast object
 * only when every validator passed; undefined on anything else (a failed or throwing validator, a promise,
 * an asynchronous validator, a subdocument to validate, discriminators), and `Model.validate` then runs and
 * words the errors. Measured on a payment's fields: 13 µs for `Model.validate`, 6 µs here.
 */
export function validatedAtOnce(validating: Validating, obj: Plain): Plain | undefined {
  const { schema } = validating;
  if ((schema as { discriminators?: unknown }).discriminators != null) return undefined;
  const paths = Object.keys(schema.paths);
  // Model.validate checks each element of an array of values too, under its positional path.
  for (const path of Object.keys(schema.paths)) {
    const type = schema.path(path) as unknown as PathType;
    if (!type.$isMongooseArray || type.$isMongooseDocumentArray) continue;
    const items = get(obj, path);
    if (items == null) continue;
    if (!Array.isArray(items) || items.some(Array.isArray)) return undefined;
    for (let index = 0; index < items.length; index++) paths.push(`${path}.${index}`);
  }
  let cast: Plain;
  try {
    cast = validating.castObject(obj) as Plain;
  } catch {
    return undefined;
  }
  for (const path of paths) {
    const type = schema.path(path) as unknown as PathType | undefined;
    if (type == null) continue;
    const value = get(cast, path, undefined);
    // A Map's values are validated by the Map's own doValidate; a Map of subdocuments also casts to new
    // subdocuments, each with a fresh _id, so two casts of it never compare equal.
    if (type.$isSchemaMap && value !== undefined) return undefined;
    // Subdocuments are validated as documents by their own doValidate; only their absence is plain.
    if (type.doValidate !== plainDoValidate) {
      const empty = value === undefined || (type.$isMongooseDocumentArray && Array.isArray(value) && value.length === 0);
      if (!empty) return undefined;
    }
    if (!passes(type, value, obj)) return undefined;
  }
  return cast;
}

/** SchemaType#doValidate's loop, synchronously: true only when every validator answered yes at once. */
function passes(type: PathType, value: unknown, scope: Plain): boolean {
  for (const rule of type.validators) {
    if (typeof rule !== 'object' || rule === null) continue;
    const { validator } = rule;
    if (value === undefined && validator !== type.requiredValidator) continue;
    if (validator instanceof RegExp) {
      if (validator.test(value as string) === false) return false;
      continue;
    }
    if (typeof validator !== 'function') continue;
    if (isAsync(validator) || rule.propsParameter) return false;
    let ok: unknown;
    try {
      ok = (validator as (this: Plain, value: unknown) => unknown).call(scope, value);
    } catch {
      return false;
    }
    if (typeof (ok as { then?: unknown } | null)?.then === 'function') return false;
    if (ok !== undefined && !ok) return false;
  }
  return true;
}
