import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import {
  FEATURE_KEY_PATTERN,
  FEATURE_TYPES,
  LIMIT_PERIODS,
  type FeatureType,
  type FeatureValue,
  type LimitPeriod,
} from '../feature-values.js';
import { FEATURE_VALUE_DOC, IsFeatureValue } from './feature-value.validator.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class FeatureDto {
  @ApiProperty({ example: 'ai.generations' }) key: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ enum: FEATURE_TYPES }) type: FeatureType;
  @ApiProperty(FEATURE_VALUE_DOC) defaultValue: FeatureValue;
  @ApiPropertyOptional({ enum: LIMIT_PERIODS, description: 'Limits only: how often the counter starts again (none: a cap)' })
  period?: LimitPeriod;
  @ApiPropertyOptional() unit?: string;
  @ApiProperty({ description: 'The context that declared it in code, or admin' }) declaredBy: string;
}

export class CreateFeatureDto {
  @ApiProperty({ pattern: FEATURE_KEY_PATTERN, example: 'exports.csv' }) @Matches(new RegExp(FEATURE_KEY_PATTERN)) key: string;
  @ApiProperty({ minLength: 1, maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) @NotBlank() name: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @ApiProperty({ enum: FEATURE_TYPES }) @IsIn(FEATURE_TYPES) type: FeatureType;
  @ApiProperty(FEATURE_VALUE_DOC) @IsFeatureValue() defaultValue: FeatureValue;
  @ApiPropertyOptional({ enum: LIMIT_PERIODS, description: 'Required for a limit, refused for the other types' })
  @IsOptional()
  @IsIn(LIMIT_PERIODS)
  period?: LimitPeriod;
  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) unit?: string;
}

/** The key and the type stay: gates name the key, and stored values were validated against the type. */
export class UpdateFeatureDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) @NotBlank() name?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @ApiPropertyOptional(FEATURE_VALUE_DOC) @IsOptional() @IsFeatureValue() defaultValue?: FeatureValue;
  @ApiPropertyOptional({ enum: LIMIT_PERIODS, description: 'Limits only; counters of the new period start from zero' })
  @IsOptional()
  @IsIn(LIMIT_PERIODS)
  period?: LimitPeriod;
  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) unit?: string;
}
