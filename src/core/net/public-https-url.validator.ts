import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy, type ValidationArguments } from 'class-validator';
import { MaxLength } from '../http/text-length.validators.js';
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

/** The longest link a field takes: longer ones are refused before the policy reads them. */
export const MAX_URL_LENGTH = 2048;

/**
 * A link other people will open (a resume, an attachment, a meeting room, a changelog): a bounded
 * string that passes the outbound-URL policy, so a stored link can never be `javascript:`, `data:`,
 * plain http or a pointer into our own network. `each` for arrays of links.
 */
export const HttpsUrl = (each = false) =>
  applyDecorators(
    IsString({ each }),
    MaxLength(MAX_URL_LENGTH, { each }),
    ValidateBy(
      {
        name: 'isPublicHttpsUrl',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && outboundUrlProblem(value) === undefined,
          defaultMessage: (args?: ValidationArguments) =>
            each
              ? `each of ${args?.property ?? 'these'} must be a public https URL`
              : `${args?.property ?? 'url'} must be a public https URL (${outboundUrlProblem(String(args?.value)) ?? 'refused'})`,
        },
      },
      { each },
    ),
  );
