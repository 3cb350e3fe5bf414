import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { describeValidator } from '../../../core/http/validator-schemas.js';
import { isCurrency } from '../../../core/money.js';
import { MAX_LIMIT } from '../feature-values.js';

const VALUE_SCHEMA = { oneOf: [{ type: 'boolean' }, { type: 'integer', minimum: 0, maximum: MAX_LIMIT }] };
describeValidator('isFeatureValue', VALUE_SCHEMA);
describeValidator('isPlanCurrency', { type: 'string', enum: Intl.supportedValuesOf('currency') });

/** The OpenAPI shape of a feature value: the feature's type decides which of the two it must be. */
export const FEATURE_VALUE_DOC = {
  ...VALUE_SCHEMA,
  description: 'true/false for a boolean feature, a whole count for a limit, either for an add-on',
} as const;

/** A boolean or a whole count; whether it fits the feature's type is the service's check (it knows the feature). */
export function IsFeatureValue(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isFeatureValue',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be true, false or a whole number from 0`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_LIMIT),
      },
    });
}

/** ISO 4217 code, any case in, upper case out. */
export function IsPlanCurrency(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))(target, propertyName);
    registerDecorator({
      name: 'isPlanCurrency',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 4217 currency code`, ...options },
      validator: { validate: (value: unknown) => isCurrency(value) },
    });
  };
}
