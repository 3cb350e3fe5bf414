import { ValidateBy, type ValidationArguments } from 'class-validator';
import { outboundUrlProblem } from './outbound-url.js';

/** A URL the server may call: https, no credentials, a public host (see outbound-url.ts). */
export const IsPublicHttpsUrl = () =>
  ValidateBy({
    name: 'isPublicHttpsUrl',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && outboundUrlProblem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) => {
        const problem = typeof args?.value === 'string' ? outboundUrlProblem(args.value) : 'must be a string';
        return `must be a public https URL (${problem ?? 'refused'})`;
      },
    },
  });
