import { registerDecorator, type ValidationOptions } from 'class-validator';
import { fitsLength } from '../../../core/text-length.js';

export const MAX_EVENT_PROPERTIES = 20;
export const MAX_PROPERTY_CHARS = 256;
/** Client clocks run ahead a little; further ahead is a broken clock, and the batch is refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

const isScalar = (value: unknown): boolean =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && fitsLength(value, MAX_PROPERTY_CHARS));

/** A flat object of at most MAX_EVENT_PROPERTIES scalars under identifier keys: no nesting to index or to blow up. */
export function IsEventProperties(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isEventProperties',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an object of at most ${MAX_EVENT_PROPERTIES} strings (≤ ${MAX_PROPERTY_CHARS} characters), numbers or booleans under identifier keys`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return entries.length <= MAX_EVENT_PROPERTIES && entries.every(([key, item]) => PROPERTY_KEY.test(key) && isScalar(item));
        },
      },
    });
}

/** An ISO instant no more than MAX_FUTURE_SKEW_MS ahead of the server clock. */
export function IsNotFarFuture(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotFarFuture',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must not be more than 5 minutes in the future`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !(Date.parse(value) > Date.now() + MAX_FUTURE_SKEW_MS),
      },
    });
}
