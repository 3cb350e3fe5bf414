import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

type Lookup = (
  target: object,
  schema: string | undefined,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];
interface Storage {
  getTargetValidationMetadatas: Lookup;
  groupByPropertyName(metadata: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
  addValidationMetadata(metadata: ValidationMetadata): void;
  addValidationSchema(schema: unknown): void;
  addConstraintMetadata(metadata: unknown): void;
}

const MEMOIZED = Symbol.for('atrium.class-validator.memoized');

const GENERATION = Symbol.for('atrium.class-validator.generation');

/** Grows whenever a rule is added once memoized: what was derived from the rules before is stale. */
export const validationRulesGeneration = (): number => (getMetadataStorage() as unknown as { [GENERATION]?: number })[GENERATION] ?? 0;

/**
 * class-validator looks a class's rules up on every validation, and for each one walks every decorated
 * class there is (an `instanceof` per class, for inherited rules), then groups the result by property:
 * a cost that grows with the number of DTOs in the application, paid per request and per nested object.
 * The rules of a class never change once its module has loaded, so the answers are kept per class and
 * options, and dropped whenever a rule is added (a class loaded later).
 */
export function memoizeValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage & { [MEMOIZED]?: true; [GENERATION]?: number };
  if (storage[MEMOIZED]) return;
  storage[MEMOIZED] = true;

  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const addSchema = storage.addValidationSchema.bind(storage);
  let found = new Map<object, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const forget = () => {
    storage[GENERATION] = (storage[GENERATION] ?? 0) + 1;
    found = new Map();
    grouped = new WeakMap();
  };

  storage.addValidationMetadata = (metadata) => {
    forget();
    add(metadata);
  };
  storage.addValidationSchema = (schema) => {
    forget();
    addSchema(schema);
  };
  // A validator class registered after a rule that names it: what was derived from that rule is stale too.
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = found.get(target);
    if (!byOptions) found.set(target, (byOptions = new Map()));
    let metadata = byOptions.get(key);
    if (!metadata) byOptions.set(key, (metadata = lookup(target, schema, always, strictGroups, groups)));
    return metadata;
  };
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
}
