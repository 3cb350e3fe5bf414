import { getMetadataStorage, isISO31661Alpha2 } from 'class-validator';
import { FORBIDDEN_SUFFIXES, SPECIAL_USE_TLDS } from '../net/outbound-url.js';
import { OBJECT_ID_PATTERN } from './object-id.pipe.js';

/** The slice of JSON Schema (OpenAPI 3.0 dialect) the request documents use. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  not?: JsonSchema;
  nullable?: boolean;
  description?: string;
  [keyword: string]: unknown;
}

/** One class-validator rule on one property, as its metadata storage holds it. */
export type ValidationRule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

type Describe = (constraints: unknown[]) => JsonSchema;

// JavaScript's \s: what String.prototype.trim() removes too.
const SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const CLASSES: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_', s: SPACE };

/** `\d`, `\w` and `\s` mean other sets in other regex dialects (Unicode-aware ones): spell them out. */
export function portablePattern(source: string): string {
  return source.replace(/\\\\|\[(?:\\.|[^\]\\])*\]|\\[dwsDWS]/g, (token) => {
    if (token.startsWith('[')) return token.replace(/\\([dws])/g, (_, name: string) => CLASSES[name]);
    const name = token[1];
    if (name in CLASSES) return `[${CLASSES[name]}]`;
    if (name.toLowerCase() in CLASSES) return `[^${CLASSES[name.toLowerCase()]}]`;
    return token;
  });
}

const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const COUNTRY_CODES = letters.flatMap((a) => letters.map((b) => a + b)).filter((code) => isISO31661Alpha2(code));
// Intl knows "UTC" without listing it among its canonical zones.
const TIME_ZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];

// A DNS host name with an alphabetic top-level label, an optional path and query: the common shape that
// every URL validator here accepts (ports, IP literals and credentials are left out of the document).
const LABELS = '([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+';
const PATH_AND_QUERY = "(/[A-Za-z0-9._~!$&'()*+,;=:@/-]*)?(\\?[A-Za-z0-9._~!$&'()*+,;=:@/?-]*)?";
// Replaces a declared `format: uri`: generators given a format draw from it and disregard the pattern.
const urlSchema = (protocols: string[], topLevel = '[A-Za-z]{2,63}'): JsonSchema => ({
  type: 'string',
  format: undefined,
  pattern: `^(${protocols.join('|')})://${LABELS}${topLevel}${PATH_AND_QUERY}$`,
});
// core/net's outbound-call policy: https to a public host, so never a local, internal or special-use name.
const PUBLIC_TOP_LEVEL = `(?!(${[...FORBIDDEN_SUFFIXES, ...SPECIAL_USE_TLDS].join('|')})([/?]|$))[a-z]{2,63}`;

// Strict ISO 8601 checks the date itself, and takes no year before 0100 (a quirk of its check).
const dateTime = (options: unknown): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  ...((options as { strict?: boolean } | undefined)?.strict ? { pattern: '^(?!00)' } : {}),
});

/** Built-in class-validator validators by name; validators of the modules add theirs with describeValidator(). */
const DESCRIPTIONS = new Map<string, Describe>([
  ['isString', () => ({ type: 'string' })],
  ['isInt', () => ({ type: 'integer' })],
  ['isNumber', () => ({ type: 'number' })],
  ['isBoolean', () => ({ type: 'boolean' })],
  ['isArray', () => ({ type: 'array' })],
  ['isObject', () => ({ type: 'object' })],
  ['min', ([min]) => ({ minimum: min as number })],
  ['max', ([max]) => ({ maximum: max as number })],
  ['minLength', ([min]) => ({ minLength: min as number })],
  ['maxLength', ([max]) => ({ maxLength: max as number })],
  ['isLength', ([min, max]) => ({ minLength: min as number, ...(max === undefined ? {} : { maxLength: max as number }) })],
  ['arrayMinSize', ([min]) => ({ minItems: min as number })],
  ['arrayMaxSize', ([max]) => ({ maxItems: max as number })],
  ['arrayUnique', () => ({ uniqueItems: true })],
  ['equals', ([value]) => ({ enum: [value] })],
  ['isIn', ([values]) => ({ enum: [...(values as unknown[])] })],
  ['isEnum', ([entity]) => ({ enum: Object.values(entity as object) })],
  ['matches', ([pattern]) => ({ type: 'string', pattern: portablePattern(pattern instanceof RegExp ? pattern.source : String(pattern)) })],
  ['isMongoId', () => ({ type: 'string', pattern: OBJECT_ID_PATTERN })],
  ['isEmail', () => ({ type: 'string', format: 'email' })],
  ['isDateString', ([options]) => dateTime(options)],
  ['isIso8601', ([options]) => dateTime(options)],
  // A Date property arrives as an ISO 8601 string that @Type(() => Date) turns into a Date.
  ['isDate', () => ({ type: 'string', format: 'date-time' })],
  ['isISO31661Alpha2', () => ({ type: 'string', enum: COUNTRY_CODES })],
  ['isTimeZone', () => ({ type: 'string', enum: TIME_ZONES })],
  // The common BCP 47 shapes (language, script, region); the validator accepts rarer ones too.
  ['isLocale', () => ({ type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$' })],
  ['isUrl', ([options]) => urlSchema((options as { protocols?: string[] } | undefined)?.protocols ?? ['http', 'https', 'ftp'])],
  ['isPublicHttpsUrl', () => urlSchema(['https'], PUBLIC_TOP_LEVEL)],
]);

/** Lets a custom validator say what it accepts, beside its definition (e.g. an enum of currency codes). */
export function describeValidator(name: string, schema: JsonSchema): void {
  DESCRIPTIONS.set(name, () => schema);
}

/** The schema keywords of one validation rule, or undefined when it has no JSON Schema equivalent. */
export function describeRule(rule: ValidationRule): JsonSchema | undefined {
  const describe = rule.name ? DESCRIPTIONS.get(rule.name) : undefined;
  return describe?.(rule.constraints ?? []);
}
