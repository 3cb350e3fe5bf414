import {
  plainToInstance,
  TransformationType,
  type ClassConstructor,
  type ClassTransformOptions,
  type TransformFnParams,
} from 'class-transformer';
import { defaultOptions } from 'class-transformer/cjs/constants/default-options.constant.js';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';

interface TypeRule {
  typeFunction?: (options: { newObject: unknown; object: Record<string, unknown>; property: string }) => unknown;
  reflectedType?: unknown;
  options?: { discriminator?: unknown };
}

interface TransformRule {
  transformFn: (params: TransformFnParams) => unknown;
  options?: { groups?: string[] };
}

/** class-transformer's rule store, as version 0.5 keeps it. */
interface TransformerStorage {
  findTypeMetadata(target: unknown, property: string): TypeRule | undefined;
  /** A property's `@Transform()` rules, its ancestors' included, for one direction. */
  findTransformMetadatas(target: unknown, property: string, direction: TransformationType): TransformRule[];
  _transformMetadatas?: Map<unknown, unknown>;
  _exposeMetadatas?: Map<unknown, unknown>;
  _excludeMetadatas?: Map<unknown, unknown>;
}

/** Not certain to build what class-transformer builds: let class-transformer build it. */
class Unsure extends Error {}
const UNSURE = new Unsure();

const storage = defaultMetadataStorage as unknown as TransformerStorage;
const knowsRules =
  typeof storage.findTransformMetadatas === 'function' &&
  [storage._transformMetadatas, storage._exposeMetadatas, storage._excludeMetadatas].every((rules) => rules instanceof Map);
const SPECIAL_TYPES = new Set<unknown>([Array, Set, Map, Promise, Buffer, Object, Function]);
/** Per class: true when nothing but `@Type()` and `@Transform()` shapes what class-transformer builds from a plain value. */
const simple = new WeakMap<object, boolean>();

function isSimpleClass(type: object): boolean {
  let answer = simple.get(type);
  if (answer === undefined) {
    answer = true;
    // A class's own rules and its ancestors' (class-transformer applies inherited ones too).
    for (
      let current: unknown = type;
      typeof current === 'function' && current.prototype !== undefined;
      current = Object.getPrototypeOf(current)
    ) {
      if (storage._exposeMetadatas!.has(current) || storage._excludeMetadatas!.has(current)) answer = false;
    }
    simple.set(type, answer);
  }
  return answer;
}

/**
 * What class-transformer's `plainToInstance` builds from a parsed body or query with the default options,
 * built directly: the class's instance (its field initialisers run), its properties copied in the order
 * they came, those named by a `@Type()` built as that type, then given to their `@Transform()` functions,
 * arrays and plain objects copied, and the keys class-transformer leaves out (`__proto__`, `constructor`, the
 * prototype's methods and read-only accessors) left out. A class shaped by `@Expose()` or `@Exclude()`, a
 * discriminator, a Map or Set type, or any value that is not plain JSON makes it hand the whole value to
 * class-transformer instead.
 */
export function plainToDto<T>(type: ClassConstructor<T>, plain: unknown, options?: ClassTransformOptions): T {
  const built = options === undefined ? buildDirectly(type, plain) : NOT_BUILT;
  return built === NOT_BUILT ? plainToInstance(type, plain, options) : (built as T);
}

export const NOT_BUILT = Symbol('not built directly');

/** The direct build with the default options, or NOT_BUILT when it is class-transformer's to make. */
export function buildDirectly(type: ClassConstructor<unknown>, plain: unknown): unknown {
  if (!knowsRules) return NOT_BUILT;
  try {
    return convert(plain, type, undefined);
  } catch (error) {
    if (error !== UNSURE) throw error;
    return NOT_BUILT;
  }
}

/** Array types class-transformer answers a plain array for (`Object` is what TypeScript records for a union). */
const PLAIN_ARRAY_TYPES = new Set<unknown>([undefined, Array, Object]);

function convert(value: unknown, type: unknown, arrayType: unknown): unknown {
  // Checked first, in class-transformer's order: what it builds from these is not a copy.
  if (value instanceof Set || value instanceof Map || value instanceof Date || value instanceof Buffer || type === Date || type === Buffer)
    throw UNSURE;
  if (Array.isArray(value)) {
    if (!PLAIN_ARRAY_TYPES.has(arrayType)) throw UNSURE;
    const copy: unknown[] = [];
    // forEach, as class-transformer: a gap in the array is skipped, not copied as undefined.
    value.forEach((item: unknown) => copy.push(convert(item, type, undefined)));
    return copy;
  }
  if (type === String || type === Number || type === Boolean) {
    return value === null || value === undefined ? value : (type as (from: unknown) => unknown)(value);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (typeof (value as { then?: unknown }).then === 'function') throw UNSURE;
  const source = value as Record<string, unknown>;
  let built: Record<string, unknown>;
  if (type === undefined) {
    const constructor = source.constructor;
    if (constructor !== Object && constructor !== undefined) throw UNSURE;
    built = {};
  } else {
    if (typeof type !== 'function' || SPECIAL_TYPES.has(type) || !isSimpleClass(type)) throw UNSURE;
    built = new (type as new () => Record<string, unknown>)();
  }
  const prototype = (built.constructor as { prototype?: object }).prototype;
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const item = source[key];
    let itemType: unknown;
    let itemArrayType: unknown;
    if (type !== undefined) {
      const rule = storage.findTypeMetadata(type, key);
      if (rule) {
        if (rule.options?.discriminator || rule.reflectedType === Map) throw UNSURE;
        itemType = rule.typeFunction ? rule.typeFunction({ newObject: built, object: source, property: key }) : rule.reflectedType;
        if (Array.isArray(item)) itemArrayType = rule.reflectedType;
      }
    }
    if (prototype) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      if ((descriptor && !descriptor.set) || built[key] instanceof Function) continue;
    }
    built[key] =
      type === undefined ? convert(item, itemType, itemArrayType) : transformed(type, key, source, convert(item, itemType, itemArrayType));
  }
  return built;
}

/**
 * A property's `@Transform()` rules applied to its built value, as class-transformer applies them from a plain value:
 * in the order declared, those without groups (none are asked for), each given the source object and the options
 * `plainToInstance` runs with (its defaults).
 */
function transformed(type: unknown, key: string, source: Record<string, unknown>, value: unknown): unknown {
  for (const rule of storage.findTransformMetadatas(type, key, TransformationType.PLAIN_TO_CLASS)) {
    if (rule.options?.groups?.length) continue;
    value = rule.transformFn({
      value,
      key,
      obj: source,
      type: TransformationType.PLAIN_TO_CLASS,
      options: { ...(defaultOptions as ClassTransformOptions) },
    });
  }
  return value;
}

const bytesOf = (value: ArrayBuffer | ArrayBufferView) =>
  ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.from(value);

/** Built alike: the same prototypes, the same own keys in the same order, the same values all the way down. */
export function sameBuild(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // Built-ins keep their value outside their own keys.
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof RegExp) return String(a) === String(b);
  if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) return bytesOf(a).equals(bytesOf(b as ArrayBuffer | ArrayBufferView));
  if (a instanceof Map || a instanceof Set) return sameBuild([...a], [...(b as Map<unknown, unknown> | Set<unknown>)]);
  if (a instanceof Number || a instanceof String || a instanceof Boolean) return Object.is(a.valueOf(), (b as typeof a).valueOf());
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length || keys.some((key, index) => key !== others[index])) return false;
  return keys.every((key) => sameBuild((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
