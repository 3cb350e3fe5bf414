import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { MAX_URL_LENGTH } from '../suggestion-fields.js';
import { HttpsUrl } from '../../../core/net/index.js';

/** The team's notes on the work; fields left out keep their value. */
export class UpdateImplementationDto {
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @ApiPropertyOptional({ maxLength: 64, example: '2027.1' }) @IsOptional() @IsString() @MaxLength(64) targetRelease?: string;
  @ApiPropertyOptional({ format: 'uri', maxLength: MAX_URL_LENGTH, description: 'A public https link (changelog, roadmap item)' })
  @IsOptional()
  @HttpsUrl()
  link?: string;
}
