import { registerDecorator, type ValidationOptions } from 'class-validator';
import { describeValidator } from '../../../core/http/validator-schemas.js';
import { fitsLength } from '../../../core/text-length.js';
import { METADATA_KEY_MAX, METADATA_MAX_KEYS, METADATA_VALUE_MAX } from '../favorite-fields.js';

const KEY = /^[A-Za-z0-9_.-]+$/;

describeValidator('isBoundedStringMap', {
  type: 'object',
  maxProperties: METADATA_MAX_KEYS,
  additionalProperties: { type: 'string', maxLength: METADATA_VALUE_MAX },
});

function isBoundedStringMap(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= METADATA_MAX_KEYS &&
    entries.every(
      ([key, item]) => key.length <= METADATA_KEY_MAX && KEY.test(key) && typeof item === 'string' && fitsLength(item, METADATA_VALUE_MAX),
    )
  );
}

/** A flat map of short strings: at most 20 keys (letters, digits, `_.-`, ≤ 64), each value a string of ≤ 500 characters. */
export function IsBoundedStringMap(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBoundedStringMap',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an object of at most ${METADATA_MAX_KEYS} keys (letters, digits, _ . -) with string values of at most ${METADATA_VALUE_MAX} characters`,
        ...options,
      },
      validator: { validate: isBoundedStringMap },
    });
}
