import { Matches, type ValidationOptions } from 'class-validator';

/**
 * Text a person writes for others to read (a name, a title, a message) must hold something besides
 * spaces: a subject of three spaces passes any length rule and says nothing. A `Matches(/\S/)`, so the
 * API document states it as the same pattern the server applies.
 */
export const NotBlank = (options?: ValidationOptions): PropertyDecorator =>
  Matches(/\S/, { message: `${options?.each ? 'each of ' : ''}$property must not be blank`, ...options });
