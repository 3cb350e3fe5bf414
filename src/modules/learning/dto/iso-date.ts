import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidateBy } from 'class-validator';

/**
 * A strict ISO 8601 date-time with its zone (`Z` or `±hh:mm`). Anything looser (a bare date, an expanded year such as
 * `+275760-…`) stays a string and fails the date rule, so no date far outside what Intl can format reaches the service.
 */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const toStrictDate = ({ value }: { value: unknown }) => (typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : value);

/** A date-time within [now − pastMs, now + futureMs], read when the request is checked; 400 otherwise. */
export const IsoDateTimeWithin = (field: string, pastMs: number, futureMs: number, range: string) =>
  applyDecorators(
    Transform(toStrictDate),
    IsDate({ message: `${field} must be an ISO 8601 date-time with Z or an offset` }),
    ValidateBy({
      name: 'dateWithin',
      validator: {
        validate: (value: unknown) => {
          if (!(value instanceof Date) || Number.isNaN(value.getTime())) return true; // IsDate speaks for these
          const now = Date.now();
          return value.getTime() >= now - pastMs && value.getTime() <= now + futureMs;
        },
        defaultMessage: () => `${field} must lie ${range}`,
      },
    }),
  );
