/// <reference types="vite/client" />
import { getMetadataStorage } from 'class-validator';

// Every DTO of the application, loaded as the modules load them.
const modules = import.meta.glob(
  ['../../src/**/dto/*.ts', '../../src/**/*.dto.ts', '../../src/**/pagination.ts', '!../../src/**/*.spec.ts'],
  {
    eager: true,
  },
);

interface Rule {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
}

const rulesByClass = (getMetadataStorage() as unknown as { validationMetadatas: Map<object, Rule[]> }).validationMetadatas;

/** The application's classes with class-validator rules. */
export function applicationDtos(): (new () => object)[] {
  const exported = new Set(Object.values(modules).flatMap((exports) => Object.values(exports as object)));
  return [...rulesByClass.keys()].filter((target): target is new () => object => typeof target === 'function' && exported.has(target));
}

/** A seeded generator, so a failure names an input that can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Values a rule accepts, so that some inputs pass and the "yes" answers are tested as well as the "no" ones. */
function likelyValid(rule: Rule): unknown[] {
  const first = rule.constraints?.[0];
  switch (rule.name) {
    case 'isIn':
      return first as unknown[];
    case 'isEnum':
      return Object.values(first as object);
    case 'isMongoId':
      return ['65a1b2c3d4e5f60718293a4b'];
    case 'isISO8601':
    case 'isDateString':
      return ['2026-05-01T10:00:00.000Z'];
    case 'isEmail':
      return ['ann@example.com'];
    case 'isInt':
    case 'min':
    case 'isPositive':
      return [1, 5];
    case 'isNumber':
      return [1.5, 10];
    case 'isBoolean':
      return [true, false];
    case 'isUrl':
      return ['https://example.com/a'];
    case 'isString':
    case 'notBlank':
      return ['abc', 'Europe/Paris'];
    case 'isArray':
      return [[], ['abc']];
    default:
      return [];
  }
}

const ANYTHING: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'abc',
  'x'.repeat(600),
  0,
  1,
  -1,
  2.5,
  1e9,
  true,
  false,
  [],
  ['abc'],
  [1],
  {},
  { a: 1 },
  [{}],
];

/** `count` plain inputs for a DTO class, drawn from its rules' likely valid values and from anything at all. */
export function samplesOf(type: new () => object, seed: number, count: number): Record<string, unknown>[] {
  const rules = rulesByClass.get(type) ?? [];
  const properties = [...new Set(rules.map((rule) => rule.propertyName))];
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const plain: Record<string, unknown> = {};
    for (const property of properties) {
      const valid = rules.filter((rule) => rule.propertyName === property).flatMap(likelyValid);
      const pool = valid.length > 0 && next() < 0.8 ? valid : ANYTHING;
      const value = pool[Math.floor(next() * pool.length)];
      if (value !== undefined) plain[property] = value;
    }
    if (next() < 0.05) plain.unexpected = 1;
    return plain;
  });
}
