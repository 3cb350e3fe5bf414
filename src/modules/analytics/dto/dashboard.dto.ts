import { ApiProperty } from '@nestjs/swagger';
import { SERIES_METRICS, type SeriesMetric } from './date-range.dto.js';

export class RangeDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class ActiveDayDto {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ description: 'Distinct visitor ids with a page view that day' }) visitors: number;
  @ApiProperty({ description: 'Distinct signed-in users with a page view that day' }) users: number;
}

export class ActiveUsersDto extends RangeDto {
  @ApiProperty({ type: ActiveDayDto, isArray: true, description: 'Every day of the range, oldest first' }) days: ActiveDayDto[];
}

export class TopPageDto {
  @ApiProperty() path: string;
  @ApiProperty() views: number;
  @ApiProperty({ description: 'Distinct visitors' }) visitors: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean time on the page, milliseconds' }) averageDurationMs: number | null;
}

export class TopPagesDto extends RangeDto {
  @ApiProperty({ type: TopPageDto, isArray: true, description: 'Most viewed first, at most 50' }) pages: TopPageDto[];
}

export class EventCountDto {
  @ApiProperty() name: string;
  @ApiProperty() count: number;
}

export class EventCountsDto extends RangeDto {
  @ApiProperty({ type: EventCountDto, isArray: true, description: 'Most frequent first, at most 100' }) events: EventCountDto[];
}

export class ToolUseDto {
  @ApiProperty() toolId: string;
  @ApiProperty() uses: number;
  @ApiProperty({ description: 'Distinct visitors' }) visitors: number;
}

export class ToolUsageDto extends RangeDto {
  @ApiProperty({ type: ToolUseDto, isArray: true, description: 'Most used first, at most 100' }) tools: ToolUseDto[];
}

export class RouteUsageDto {
  @ApiProperty() method: string;
  @ApiProperty({ description: 'The route template, e.g. /api/lab/experiments/:experimentId' }) route: string;
  @ApiProperty() requests: number;
  @ApiProperty({ description: 'Answers with status 400 or above' }) errors: number;
  @ApiProperty({ description: 'Milliseconds' }) averageDurationMs: number;
  @ApiProperty({ description: 'Milliseconds' }) maxDurationMs: number;
}

export class ApiUsageReportDto extends RangeDto {
  @ApiProperty({ type: RouteUsageDto, isArray: true, description: 'Busiest first, at most 200' }) routes: RouteUsageDto[];
}

export class SeriesPointDto {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty() count: number;
}

export class SeriesDto extends RangeDto {
  @ApiProperty({ enum: SERIES_METRICS }) metric: SeriesMetric;
  @ApiProperty({ type: SeriesPointDto, isArray: true, description: 'Every day of the range, oldest first' }) points: SeriesPointDto[];
}
