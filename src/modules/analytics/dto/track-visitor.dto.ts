import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsLocale, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { ScreenDto, TRACKING_ID_MESSAGE, TRACKING_ID_PATTERN, UtmDto } from './tracking-fields.js';

/** A browser introducing itself; what it says is kept only the first time its id is seen. */
export class TrackVisitorDto {
  @ApiProperty({ pattern: TRACKING_ID_PATTERN.source, description: 'Generated once by the client and kept (e.g. in local storage)' })
  @Matches(TRACKING_ID_PATTERN, { message: `visitorId ${TRACKING_ID_MESSAGE}` })
  visitorId: string;

  @ApiPropertyOptional({ maxLength: 2048 }) @IsOptional() @IsString() @MaxLength(2048) referrer?: string;

  @ApiPropertyOptional({ type: UtmDto }) @IsOptional() @ValidateNested() @Type(() => UtmDto) utm?: UtmDto;

  @ApiPropertyOptional({ maxLength: 35, example: 'en-GB' }) @IsOptional() @IsLocale() @MaxLength(35) locale?: string;

  @ApiPropertyOptional({ type: ScreenDto }) @IsOptional() @ValidateNested() @Type(() => ScreenDto) screen?: ScreenDto;
}

export class VisitorTrackedDto {
  @ApiProperty() visitorId: string;
  @ApiProperty({ description: 'Whether this call was the first time the id was seen' }) isNew: boolean;
}
