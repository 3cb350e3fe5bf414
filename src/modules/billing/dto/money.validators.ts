import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { describeValidator } from '../../../core/http/validator-schemas.js';
import { isCurrency } from '../../../core/money.js';

// The OpenAPI document lists the codes as the validator accepts them (upper case, as it stores them).
describeValidator('isCurrencyCode', { type: 'string', enum: Intl.supportedValuesOf('currency') });

/** ISO 4217 code, any case in, upper case out. */
export function IsCurrencyCode(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))(target, propertyName);
    registerDecorator({
      name: 'isCurrencyCode',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 4217 currency code`, ...options },
      validator: { validate: (value: unknown) => isCurrency(value) },
    });
  };
}
