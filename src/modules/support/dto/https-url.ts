import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, ValidateBy, type ValidationArguments } from 'class-validator';
import { outboundUrlProblem } from '../../../core/net/index.js';
import { MAX_URL_LENGTH } from '../ticket-fields.js';

/**
 * A link other people will open (attachments, meeting rooms, company sites): the core outbound-URL
 * policy (public https, no credentials, no internal hosts), so a stored link can never be
 * `javascript:`, `data:`, plain http or a pointer into our own network. `each` for arrays of links.
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
