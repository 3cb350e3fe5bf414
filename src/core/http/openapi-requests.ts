import { declaredProperty, isOptional, nestedDto, rulesOf } from './dto-rules.js';
import { exclusiveGroupsOf } from './exactly-one-of.js';
import { requirementsOf } from './required-when.js';
import type { Constructor } from './route-params.js';
import { describeRule, type JsonSchema, type ValidationRule } from './validator-schemas.js';

const isReference = (schema: JsonSchema | undefined) => Boolean(schema?.$ref || schema?.allOf);

// What @ApiProperty() may say of a request property beyond its validators (documentation, free-form maps).
const DECLARED_KEYWORDS = ['description', 'example', 'default', 'format', 'enum', 'nullable', 'maxProperties', 'additionalProperties'];

/** The property schema with the keywords its validators stand for (nested DTOs speak for themselves). */
export function constrain(property: JsonSchema, rules: ValidationRule[]): JsonSchema {
  let schema: JsonSchema = { ...property };
  for (const rule of rules) {
    const keywords = describeRule(rule);
    if (!keywords) continue;
    if (rule.each) {
      if (!isReference(schema.items)) schema.items = { ...schema.items, ...keywords };
    } else if (!isReference(schema)) {
      schema = { ...schema, ...keywords };
    }
  }
  return schema;
}

/** A property as its @ApiProperty() declares it: the documentation keywords, and arrays as arrays. */
function declared(dto: Constructor, property: string): JsonSchema {
  const metadata = declaredProperty(dto, property) ?? {};
  const own: JsonSchema = {};
  for (const keyword of DECLARED_KEYWORDS) if (metadata[keyword] !== undefined) own[keyword] = metadata[keyword];
  if (typeof metadata.type === 'string' && metadata.type !== 'array') own.type = metadata.type;
  if (metadata.isArray !== true && metadata.type !== 'array') return own;
  const { description, example, default: fallback, ...item } = own;
  return {
    type: 'array',
    items: item,
    ...(description === undefined ? {} : { description }),
    ...(example === undefined ? {} : { example }),
    ...(fallback === undefined ? {} : { default: fallback }),
  };
}

/** A property that nests a DTO: a reference to its request schema (in `items` for a list of them). */
function nesting(schema: JsonSchema, component: string): JsonSchema {
  const ref = { $ref: `#/components/schemas/${component}` };
  if (schema.type === 'array') return { ...schema, items: ref };
  return schema.description ? { description: schema.description, allOf: [ref] } : ref;
}

/**
 * The exact request schemas, built from the DTO classes themselves (not from the generated components,
 * where two classes of one name collide): the validation pipe refuses unknown properties
 * (forbidNonWhitelisted), so every object is `additionalProperties: false` and lists only the properties a
 * validator whitelists. A class responses use too gets its own `…InputDto` copy; a second class of an
 * already taken name gets a numbered one.
 */
export class RequestSchemas {
  private readonly names = new Map<Constructor, string>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly components: Record<string, JsonSchema>,
    private readonly usedByResponses: Set<string>,
  ) {}

  /** The component name of the DTO's request schema, built on first use. */
  of(dto: Constructor): string {
    const known = this.names.get(dto);
    if (known) return known;
    const base = this.usedByResponses.has(dto.name) ? `${dto.name.replace(/Dto$/, '')}InputDto` : dto.name;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.names.set(dto, name);
    this.taken.add(name);
    this.components[name] = this.exact(dto);
    return name;
  }

  private exact(dto: Constructor): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [property, rules] of rulesOf(dto)) {
      const nested = nestedDto(dto, property);
      const schema = constrain(declared(dto, property), rules);
      properties[property] = nested ? nesting(schema, this.of(nested)) : schema;
      if (!isOptional(rules)) required.push(property);
    }
    const crossField: JsonSchema[] = [
      ...exclusiveGroupsOf(dto).map((group) => ({ oneOf: group.map((property) => ({ required: [property] })) })),
      ...requirementsOf(dto).map(({ property, when, values }) => ({
        anyOf: [{ properties: { [when]: { not: { enum: [...values] } } } }, { required: [property] }],
      })),
    ];
    return {
      type: 'object',
      properties,
      ...(required.length ? { required } : {}),
      ...(crossField.length === 1 ? crossField[0] : crossField.length > 1 ? { allOf: crossField } : {}),
      additionalProperties: false,
    };
  }
}

/** Names of the components reachable from these schemas, through every nesting keyword. */
export function reachableComponents(roots: unknown[], components: Record<string, JsonSchema>): Set<string> {
  const names = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node !== 'object') continue;
    const ref = (node as JsonSchema).$ref;
    if (typeof ref === 'string') {
      const name = ref.split('/').pop() as string;
      if (!names.has(name)) pending.push(components[name]);
      names.add(name);
    }
    pending.push(...Object.values(node));
  }
  return names;
}
