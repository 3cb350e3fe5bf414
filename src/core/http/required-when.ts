import type { Constructor } from './route-params.js';

const REQUIRED_WHEN = 'atrium:required-when';

export interface Requirement {
  property: string;
  when: string;
  values: readonly unknown[];
}

/**
 * `property` must be given when `when` holds one of `values` (the agent plan needs its agent). Enforced
 * with the body's other shape rules before validation, and stated in the OpenAPI document as
 * `anyOf: [when is none of values, property is present]`.
 */
export const RequiredWhen =
  (property: string, when: string, values: readonly unknown[]): ClassDecorator =>
  (target) => {
    const requirements = (Reflect.getOwnMetadata(REQUIRED_WHEN, target) ?? []) as Requirement[];
    Reflect.defineMetadata(REQUIRED_WHEN, [...requirements, { property, when, values }], target);
  };

/** The requirements declared on this DTO class and the classes it extends. */
export const requirementsOf = (dto: Constructor): Requirement[] => (Reflect.getMetadata(REQUIRED_WHEN, dto) ?? []) as Requirement[];
