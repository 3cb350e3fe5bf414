import type { Constructor } from './route-params.js';

const EXACTLY_ONE_OF = 'atrium:exactly-one-of';

/**
 * Exactly one of these properties must be given (e.g. recipients by id or by role). Enforced with the
 * body's other shape rules before validation, and stated as `oneOf` in the OpenAPI document.
 */
export const ExactlyOneOf =
  (...properties: string[]): ClassDecorator =>
  (target) => {
    const groups = (Reflect.getOwnMetadata(EXACTLY_ONE_OF, target) ?? []) as string[][];
    Reflect.defineMetadata(EXACTLY_ONE_OF, [...groups, properties], target);
  };

/** The groups declared on this DTO class and the classes it extends. */
export const exclusiveGroupsOf = (dto: Constructor): string[][] => (Reflect.getMetadata(EXACTLY_ONE_OF, dto) ?? []) as string[][];
