import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isTrustedProxies } from './trusted-proxies.js';

/** TRUSTED_PROXIES: empty, a hop count, or addresses and CIDR ranges separated by commas. */
export const IsTrustedProxies = () =>
  ValidateBy({
    name: 'isTrustedProxies',
    validator: {
      validate: (value: unknown) => isTrustedProxies(value),
      defaultMessage: () => 'must be empty, a hop count, or a comma-separated list of addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
    },
  });

/** A number that may not exceed another property's value (a timeout inside another). */
export const NotAbove = (property: string) =>
  ValidateBy({
    name: 'notAbove',
    constraints: [property],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const other = (args?.object as Record<string, unknown> | undefined)?.[property];
        return typeof value !== 'number' || typeof other !== 'number' || value <= other;
      },
      defaultMessage: () => `must not exceed ${property}`,
    },
  });
