import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A plain JSON object whose serialized form is at most `maxBytes` (UTF-8), so a run's payload stays bounded. */
export function IsBoundedJson(maxBytes: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBoundedJson',
      target: target.constructor,
      propertyName,
      constraints: [maxBytes],
      options: { message: `${propertyName} must be an object of at most ${maxBytes} bytes as JSON`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Buffer.byteLength(JSON.stringify(value), 'utf8') <= maxBytes,
      },
    });
}
