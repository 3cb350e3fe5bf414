import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { fitsLength, reachesLength } from '../text-length.js';

/*
 * class-validator's own length rules count neither like the API document nor like the stored schema:
 * they drop variation selectors (U+FE0E, U+FE0F) from the count, so `MinLength(1)` refuses a lone "️".
 * These count characters as JSON Schema does, under the same names, so the document still reads them.
 */

const lengthRule = (
  name: 'maxLength' | 'minLength',
  bound: number,
  holds: (text: string, bound: number) => boolean,
  options?: ValidationOptions,
) =>
  ValidateBy(
    {
      name,
      constraints: [bound],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && holds(value, bound),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be ${name === 'maxLength' ? 'shorter' : 'longer'} than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );

/** At most `max` characters (code points). */
export const MaxLength = (max: number, options?: ValidationOptions): PropertyDecorator => lengthRule('maxLength', max, fitsLength, options);

/** At least `min` characters (code points). */
export const MinLength = (min: number, options?: ValidationOptions): PropertyDecorator =>
  lengthRule('minLength', min, reachesLength, options);
