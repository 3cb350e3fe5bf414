import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { TRACKING_ID_MESSAGE, TRACKING_ID_PATTERN } from './tracking-fields.js';

const HOUR_MS = 3_600_000;

/** A page shown; the visit it belongs to is decided by the server (ANALYTICS_VISIT_TIMEOUT_MINUTES). */
export class TrackPageviewDto {
  @ApiProperty({ pattern: TRACKING_ID_PATTERN.source })
  @Matches(TRACKING_ID_PATTERN, { message: `visitorId ${TRACKING_ID_MESSAGE}` })
  visitorId: string;

  @ApiProperty({
    maxLength: 2048,
    description: 'The path shown, starting with /; the query string is dropped except utm_* keys, the fragment always',
  })
  @IsString()
  @MaxLength(2048)
  @Matches(/^\//, { message: 'path must start with /' })
  path: string;

  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ maxLength: 2048 }) @IsOptional() @IsString() @MaxLength(2048) referrer?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 24 * HOUR_MS, description: 'Milliseconds spent on the page' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * HOUR_MS)
  durationMs?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Percent of the page scrolled' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  scrollDepth?: number;
}

export class PageviewTrackedDto {
  @ApiProperty({ description: 'The visit this page view belongs to' }) visitId: string;
  @ApiProperty({ description: 'Whether this page view started the visit' }) newVisit: boolean;
}
