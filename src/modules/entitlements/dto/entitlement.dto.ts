import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { FEATURE_TYPES, LIMIT_PERIODS, type FeatureType, type FeatureValue, type LimitPeriod } from '../feature-values.js';
import { ENTITLEMENT_SOURCES, type EntitlementSource } from '../resolution.js';
import { SUBJECT_TYPES, type SubjectType } from '../schemas/usage-counter.schema.js';
import { FEATURE_VALUE_DOC, IsFeatureValue } from './feature-value.validator.js';

export class SubjectDto {
  @ApiProperty({ enum: SUBJECT_TYPES }) type: SubjectType;
  @ApiProperty() id: string;
}

/** One feature's effective value and where it comes from. */
export class EntitlementDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: FEATURE_TYPES }) type: FeatureType;
  @ApiProperty(FEATURE_VALUE_DOC) value: FeatureValue;
  @ApiProperty({ description: 'Whether the value grants the feature' }) enabled: boolean;
  @ApiProperty({ enum: ENTITLEMENT_SOURCES, description: 'An unexpired override, else the plan, else the feature default' })
  source: EntitlementSource;
  @ApiPropertyOptional({ description: 'The plan that sets it (source plan)' }) planKey?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the override stops applying (source override)' }) expiresAt?: string;
  @ApiPropertyOptional({ enum: LIMIT_PERIODS }) period?: LimitPeriod;
  @ApiPropertyOptional() unit?: string;
}

export class EntitlementsDto {
  @ApiProperty({ type: SubjectDto }) subject: SubjectDto;
  @ApiProperty({ description: 'The plan the subject is on' }) planKey: string;
  @ApiProperty({ type: EntitlementDto, isArray: true }) features: EntitlementDto[];
}

export class SetOverrideDto {
  @ApiProperty(FEATURE_VALUE_DOC) @IsFeatureValue() value: FeatureValue;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it stops applying (in the future); none: until removed' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;
  @ApiPropertyOptional({ maxLength: 500, example: 'Two-week trial of the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class OverrideDto {
  @ApiProperty() tenantId: string;
  @ApiProperty() featureKey: string;
  @ApiProperty(FEATURE_VALUE_DOC) value: FeatureValue;
  @ApiProperty({ format: 'date-time' }) enabledAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiresAt?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() createdBy?: string;
}
