import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorOptions } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { memoizeValidationMetadata, validationRulesGeneration } from './validation-metadata-cache.js';

/** The one constraint object class-validator keeps per validator class, and what we call on it. */
interface Constraint {
  validate(value: unknown, args: ValidationArguments): unknown;
}

interface Rule {
  metadata: ValidationMetadata;
  constraints: Constraint[];
}

interface PropertyPlan {
  name: string;
  /** @IsOptional() and @ValidateIf(): the property is checked only when all of them hold. */
  conditions: ((object: object, value: unknown) => boolean)[];
  /** @IsDefined(), then every other rule: the same order class-validator runs them in. */
  rules: Rule[];
  nested: ValidationMetadata[];
  awaitsPromise: boolean;
}

interface ClassPlan {
  /** No rule applies: `forbidUnknownValues` refuses the value. */
  unknown: boolean;
  /** Properties with at least one rule; any other key is refused (`forbidNonWhitelisted`). */
  allowed: Set<string>;
  properties: PropertyPlan[];
}

interface Storage {
  getTargetValidationMetadatas(
    target: unknown,
    schema: string | undefined,
    always: boolean,
    strictGroups: boolean,
    groups?: string[],
  ): ValidationMetadata[];
  groupByPropertyName(metadata: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
  getTargetValidatorConstraints(target: unknown): { instance: Constraint }[];
}

/** Not certain: ask class-validator. */
class Unsure extends Error {}
const UNSURE = new Unsure();

const isPromise = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
const isCollection = (value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> =>
  Array.isArray(value) || value instanceof Set || value instanceof Map;
const itemsOf = (value: unknown[] | Set<unknown> | Map<unknown, unknown>): Iterable<unknown> =>
  value instanceof Map ? value.values() : value;

/**
 * Answers "would class-validator find no error in this object?" with the same rules, the same validator
 * functions and the same order, without building what class-validator builds to report errors: an error
 * object per property, the rules regrouped and filtered per object, a container lookup per rule. It only
 * ever says yes when class-validator would return no error; on any doubt (an error, an async rule, options
 * it was not written for) it says no, and class-validator itself runs and reports the errors.
 */
export class ValidationVerdict {
  private readonly storage = getMetadataStorage() as unknown as Storage;
  /** Per class, then per schema name (a nested class is looked up with its parent's); dropped when rules are added. */
  private plans = new Map<unknown, Map<string | undefined, ClassPlan>>();
  private generation = -1;

  constructor() {
    memoizeValidationMetadata();
  }

  /** The options this verdict reproduces: the validation pipe's. */
  static covers(options: ValidatorOptions | undefined): boolean {
    return (
      options !== undefined &&
      options.whitelist === true &&
      options.forbidNonWhitelisted === true &&
      options.forbidUnknownValues !== false &&
      !options.groups &&
      !options.always &&
      !options.strictGroups &&
      !options.skipMissingProperties &&
      !options.skipNullProperties &&
      !options.skipUndefinedProperties
    );
  }

  /** True only when class-validator would find no error in `object` with options that `covers` accepts. */
  passes(object: object): boolean {
    try {
      return this.classPasses(object, undefined);
    } catch (error) {
      if (error === UNSURE) return false;
      throw error;
    }
  }

  private classPasses(object: object, schema: string | undefined): boolean {
    const target = (object as { constructor?: unknown }).constructor;
    if (typeof target !== 'function') throw UNSURE;
    const plan = this.planFor(target, schema);
    if (plan.unknown) return false;
    for (const key of Object.keys(object)) if (!plan.allowed.has(key)) return false;
    for (const property of plan.properties) {
      const value = (object as Record<string, unknown>)[property.name];
      if (property.awaitsPromise && value instanceof Promise) throw UNSURE;
      if (!this.propertyPasses(object, value, property)) return false;
    }
    return true;
  }

  private propertyPasses(object: object, value: unknown, property: PropertyPlan): boolean {
    for (const condition of property.conditions) if (!condition(object, value)) return true;
    for (const rule of property.rules) if (!this.rulePasses(object, value, rule)) return false;
    return property.nested.length === 0 || this.nestedPasses(value, property.nested);
  }

  private rulePasses(object: object, value: unknown, { metadata, constraints }: Rule): boolean {
    if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
    for (const constraint of constraints) {
      const args: ValidationArguments = {
        targetName: (object as { constructor?: { name?: string } }).constructor?.name as string,
        property: metadata.propertyName,
        object,
        value,
        constraints: metadata.constraints,
      };
      if (metadata.each && isCollection(value)) {
        for (const item of itemsOf(value)) if (!settled(constraint.validate(item, args))) return false;
      } else if (!settled(constraint.validate(value, args))) return false;
    }
    return true;
  }

  private nestedPasses(value: unknown, nested: ValidationMetadata[]): boolean {
    if (value === undefined) return true;
    for (const metadata of nested) {
      if (isCollection(value)) {
        for (const item of itemsOf(value)) if (!this.nestedPasses(item, nested)) return false;
      } else if (value instanceof Object) {
        const schema = typeof metadata.target === 'string' ? metadata.target : metadata.target.name;
        if (!this.classPasses(value, schema)) return false;
      } else return false;
    }
    return true;
  }

  private planFor(target: unknown, schema: string | undefined): ClassPlan {
    if (this.generation !== validationRulesGeneration()) {
      this.generation = validationRulesGeneration();
      this.plans = new Map();
    }
    let bySchema = this.plans.get(target);
    if (!bySchema) this.plans.set(target, (bySchema = new Map()));
    let plan = bySchema.get(schema);
    if (!plan)
      bySchema.set(schema, (plan = this.compile(this.storage.getTargetValidationMetadatas(target, schema, false, false, undefined))));
    return plan;
  }

  private compile(metadata: ValidationMetadata[]): ClassPlan {
    const grouped = this.storage.groupByPropertyName(metadata);
    const properties = Object.entries(grouped).map(([name, rules]): PropertyPlan => {
      const of = (type: string) => rules.filter((rule) => rule.type === type);
      const checked = (rule: ValidationMetadata): Rule => ({
        metadata: rule,
        constraints: this.storage.getTargetValidatorConstraints(rule.constraintCls).map((constraint) => constraint.instance),
      });
      return {
        name,
        conditions: of(ValidationTypes.CONDITIONAL_VALIDATION).map((rule) => rule.constraints[0] as PropertyPlan['conditions'][number]),
        rules: [...of(ValidationTypes.IS_DEFINED), ...of(ValidationTypes.CUSTOM_VALIDATION)].map(checked),
        nested: of(ValidationTypes.NESTED_VALIDATION),
        awaitsPromise: of(ValidationTypes.PROMISE_VALIDATION).length > 0,
      };
    });
    return {
      unknown: metadata.length === 0,
      allowed: new Set(Object.keys(grouped).filter((name) => grouped[name].length > 0)),
      properties,
    };
  }
}

/** A validator's answer, when it is one: a promise means class-validator must wait for it. */
function settled(answer: unknown): boolean {
  if (isPromise(answer)) throw UNSURE;
  return Boolean(answer);
}
