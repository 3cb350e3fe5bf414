import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { exclusiveGroupsOf } from './exactly-one-of.js';
import { requirementsOf } from './required-when.js';
import type { FieldError } from './problem.js';
import { isDtoClass, type Constructor } from './route-params.js';
import type { ValidationRule } from './validator-schemas.js';

export type Rules = Map<string, ValidationRule[]>;

const cache = new WeakMap<Constructor, Rules>();

/** The class-validator rules of a DTO (inherited ones included), by property; only these are whitelisted. */
export function rulesOf(dto: Constructor): Rules {
  let rules = cache.get(dto);
  if (!rules) {
    rules = new Map();
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false)) {
      rules.set(rule.propertyName, [...(rules.get(rule.propertyName) ?? []), rule]);
    }
    cache.set(dto, rules);
  }
  return rules;
}

/** @IsOptional() and @ValidateIf() make a property optional; every other validated property is required. */
export const isOptional = (rules: ValidationRule[]) => rules.some((rule) => rule.type === 'conditionalValidation');

/** What @ApiProperty() recorded for a property (type, isArray, description, enum, …). */
export function declaredProperty(dto: Constructor, property: string): Record<string, unknown> | undefined {
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype as object, property) as Record<string, unknown> | undefined;
}

/** Declared `nullable: true` in its @ApiProperty: the one case where `null` is a value. */
export const isNullable = (dto: Constructor, property: string) => declaredProperty(dto, property)?.nullable === true;

/** The DTO class a property nests, as @ApiProperty({ type }) names it (a class, `() => Class` or `[Class]`). */
export function nestedDto(dto: Constructor, property: string): Constructor | undefined {
  const declared = declaredProperty(dto, property)?.type;
  let type = Array.isArray(declared) ? (declared as unknown[])[0] : declared;
  if (typeof type === 'function' && !('prototype' in type)) type = (type as () => unknown)();
  return isDtoClass(type) && rulesOf(type).size > 0 ? type : undefined;
}

/** Declared as a list (`type: [Class]` or `isArray: true`), not a single nested object. */
const declaresList = (dto: Constructor, property: string) => {
  const declared = declaredProperty(dto, property);
  return declared?.isArray === true || Array.isArray(declared?.type);
};

const NOT_NULL = 'must not be null; omit it instead';

/**
 * What the validation pipe lets through although the DTO forbids it, as validation errors name fields:
 * optional properties sent as `null` (@IsOptional() skips them, and the handler would store null where
 * the schema promises a value), an @ExactlyOneOf() group with none or several given, and a property
 * missing that @RequiredWhen() asks for.
 */
export function shapeErrors(value: unknown, dto: Constructor, path = ''): FieldError[] {
  if (!value || typeof value !== 'object') return [];
  const body = value as Record<string, unknown>;
  const at = (property: string) => (path ? `${path}.${property}` : property);
  const found: FieldError[] = [];
  for (const group of exclusiveGroupsOf(dto)) {
    if (group.filter((property) => body[property] !== undefined).length !== 1) {
      found.push({ field: at(group[0]), message: `give exactly one of ${group.join(', ')}` });
    }
  }
  for (const { property, when, values } of requirementsOf(dto)) {
    if (values.includes(body[when]) && body[property] === undefined) {
      found.push({ field: at(property), message: `is required when ${when} is ${String(body[when])}` });
    }
  }
  for (const [property, rules] of rulesOf(dto)) {
    const own = body[property];
    // @ValidateNested() alone lets a missing property through; class-validator's other rules refuse undefined.
    if (own === undefined && !isOptional(rules) && rules.every((rule) => rule.type === 'nestedValidation')) {
      found.push({ field: at(property), message: 'is required' });
      continue;
    }
    if (own === null) {
      if (isOptional(rules) && !isNullable(dto, property)) found.push({ field: at(property), message: NOT_NULL });
      continue;
    }
    const nested = nestedDto(dto, property);
    if (!nested || !own || typeof own !== 'object') continue;
    if (!Array.isArray(own)) found.push(...shapeErrors(own, nested, at(property)));
    else if (declaresList(dto, property))
      own.forEach((item, index) => found.push(...shapeErrors(item, nested, at(`${property}.${index}`))));
    // @ValidateNested() walks an array's items, so `[[]]` would pass for a single nested object.
    else found.push({ field: at(property), message: 'must be an object' });
  }
  return found;
}
