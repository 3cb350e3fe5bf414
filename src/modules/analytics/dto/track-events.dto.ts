import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { IsEventProperties, IsNotFarFuture, MAX_EVENT_PROPERTIES, MAX_PROPERTY_CHARS } from './event-rules.js';
import { TRACKING_ID_MESSAGE, TRACKING_ID_PATTERN } from './tracking-fields.js';

export const MAX_EVENTS_PER_BATCH = 500;
/** Lower-case words joined by dots: `signup.completed`, `tool.used`. The first word routes the event. */
export const EVENT_NAME_PATTERN = /^[a-z][a-z0-9_]{0,31}(\.[a-z0-9_]{1,32}){0,3}$/;

export class TrackEventDto {
  @ApiProperty({ pattern: EVENT_NAME_PATTERN.source, maxLength: 64, example: 'signup.completed' })
  @MaxLength(64)
  @Matches(EVENT_NAME_PATTERN, { message: 'name must be lower-case words joined by dots (e.g. signup.completed)' })
  name: string;

  @ApiProperty({ format: 'date-time', description: 'When it happened; at most 5 minutes ahead of the server clock' })
  @IsISO8601({ strict: true })
  @IsNotFarFuture()
  at: string;

  @ApiPropertyOptional({
    type: 'object',
    maxProperties: MAX_EVENT_PROPERTIES,
    additionalProperties: { oneOf: [{ type: 'string', maxLength: MAX_PROPERTY_CHARS }, { type: 'number' }, { type: 'boolean' }] },
    description: `Up to ${MAX_EVENT_PROPERTIES} scalar values (strings up to ${MAX_PROPERTY_CHARS} characters) under identifier keys`,
  })
  @IsOptional()
  @IsEventProperties()
  properties?: Record<string, string | number | boolean | null>;
}

/** A batch from one client: stored in one unordered write before the answer. */
export class TrackEventsDto {
  @ApiProperty({ pattern: TRACKING_ID_PATTERN.source })
  @Matches(TRACKING_ID_PATTERN, { message: `visitorId ${TRACKING_ID_MESSAGE}` })
  visitorId: string;

  @ApiPropertyOptional({ pattern: TRACKING_ID_PATTERN.source, description: 'The visit the events happened in' })
  @IsOptional()
  @Matches(TRACKING_ID_PATTERN, { message: `visitId ${TRACKING_ID_MESSAGE}` })
  visitId?: string;

  @ApiProperty({ type: TrackEventDto, isArray: true, minItems: 1, maxItems: MAX_EVENTS_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENTS_PER_BATCH)
  @ValidateNested({ each: true })
  @Type(() => TrackEventDto)
  events: TrackEventDto[];
}

export class EventsAcceptedDto {
  @ApiProperty({ description: 'Events stored' }) accepted: number;
  @ApiProperty({ description: 'Events refused for being older than ANALYTICS_EVENT_MAX_AGE_HOURS (not stored)' }) refused: number;
}
