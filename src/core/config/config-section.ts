import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsInt, Max, Min, validateSync } from 'class-validator';
import { EnvironmentError } from './environment.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** An integer variable with its bounds: one decorator instead of four. */
export const IntSetting = ({ min, max }: { min?: number; max?: number } = {}) =>
  applyDecorators(Transform(toInt), IsInt(), ...(min === undefined ? [] : [Min(min)]), ...(max === undefined ? [] : [Max(max)]));

type Section<T> = new () => T;

/**
 * A module's own slice of the environment: a class of its variables with defaults and
 * class-validator rules, read and checked once when the module starts. A bad value stops the
 * start with one line naming the variable, like the core environment.
 */
export function readConfigSection<T extends object>(section: Section<T>, raw: Record<string, unknown> = process.env): T {
  const values = plainToInstance(section, raw, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(values, { whitelist: false });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new EnvironmentError(`Invalid environment: ${first.property} ${reason.replace(new RegExp(`^${first.property} `), '')}`);
  }
  // Only the section's own keys: the rest of the environment is not this module's business.
  return Object.fromEntries([...keysOf(section)].map((key) => [key, (values as Record<string, unknown>)[key]])) as T;
}

/**
 * The variables a section declares: those with a default, and those with only rules. An optional variable
 * without a default (`VAPI_API_KEY?: string`) is no own key of an instance, as class fields are not defined
 * here (useDefineForClassFields off, which the decorators need): its rules still name it.
 */
function keysOf<T extends object>(section: Section<T>): Set<string> {
  const keys = new Set(Object.keys(new section()));
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(section, '', true, false)) keys.add(rule.propertyName);
  return keys;
}

/** A provider of a module's configuration section, injectable by its class. */
export const configSectionProvider = <T extends object>(section: Section<T>) => ({
  provide: section,
  useFactory: () => Object.assign(new section(), readConfigSection(section)),
});
