import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

// Years 2000 to 2999: tracking data is never older, and every such date has a four-digit ISO form.
const DAY = /^2\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A range of whole UTC days, both ends included; the last 30 days when neither is given. */
export class DateRangeQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'First day (UTC), default 29 days before `to`' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date (YYYY-MM-DD) from the year 2000 on' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (UTC), included; default today' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date (YYYY-MM-DD) from the year 2000 on' })
  to?: string;
}

export const SERIES_METRICS = ['pageviews', 'visits', 'new-visitors', 'events', 'api-requests'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

export class SeriesQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ enum: SERIES_METRICS, default: 'pageviews' })
  @IsOptional()
  @IsIn(SERIES_METRICS)
  metric: SeriesMetric = 'pageviews';
}
