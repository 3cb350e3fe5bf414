import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import {
  FEATURE_TYPES,
  LIMIT_PERIODS,
  PLAN_KEY_PATTERN,
  type FeatureType,
  type FeatureValue,
  type LimitPeriod,
} from '../feature-values.js';
import { BILLING_CYCLES, PLAN_ITEM_TYPES, type BillingCycle, type PlanItemType } from '../schemas/plan.schema.js';
import { FEATURE_VALUE_DOC, IsFeatureValue, IsPlanCurrency } from './feature-value.validator.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export const MAX_PRICE = 100_000_000;
const METADATA_DOC: ApiPropertyOptions = {
  type: 'object',
  maxProperties: 20,
  additionalProperties: { oneOf: [{ type: 'string', maxLength: 500 }, { type: 'number' }, { type: 'boolean' }] },
  description: 'Up to 20 values (strings of up to 500 characters, numbers, booleans) under keys of up to 40 characters',
};

/** What a plan gives one feature. */
export class PlanFeatureValueDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: FEATURE_TYPES }) type: FeatureType;
  @ApiProperty(FEATURE_VALUE_DOC) value: FeatureValue;
  @ApiProperty({ description: 'Whether the value grants the feature (on, above zero, bought)' }) enabled: boolean;
  @ApiProperty({ description: 'The plan sets it (false: the feature default applies)' }) setByPlan: boolean;
  @ApiPropertyOptional({ enum: LIMIT_PERIODS }) period?: LimitPeriod;
  @ApiPropertyOptional() unit?: string;
}

export class PlanDto {
  @ApiProperty({ example: 'pro' }) key: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ description: 'Integer minor units of currency, per billing cycle', example: 2900 }) price: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '€29.00' }) priceFormatted: string;
  @ApiProperty({ enum: BILLING_CYCLES }) billingCycle: BillingCycle;
  @ApiProperty({ enum: PLAN_ITEM_TYPES }) itemType: PlanItemType;
  @ApiProperty() active: boolean;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, string | number | boolean>;
  @ApiProperty({ type: PlanFeatureValueDto, isArray: true, description: 'Every feature, with this plan’s value' })
  features: PlanFeatureValueDto[];
}

export class CreatePlanDto {
  @ApiProperty({ pattern: PLAN_KEY_PATTERN, example: 'enterprise' }) @Matches(new RegExp(PLAN_KEY_PATTERN)) key: string;
  @ApiProperty({ minLength: 1, maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) @NotBlank() name: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiProperty({ minimum: 0, maximum: MAX_PRICE, description: 'Integer minor units' }) @IsInt() @Min(0) @Max(MAX_PRICE) price: number;
  @ApiProperty({ example: 'EUR' }) @IsPlanCurrency() currency: string;
  @ApiProperty({ enum: BILLING_CYCLES }) @IsIn(BILLING_CYCLES) billingCycle: BillingCycle;
  @ApiPropertyOptional({ enum: PLAN_ITEM_TYPES, default: 'plan' }) @IsOptional() @IsIn(PLAN_ITEM_TYPES) itemType?: PlanItemType;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minimum: -10_000, maximum: 10_000, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(-10_000)
  @Max(10_000)
  sortOrder?: number;
  @ApiPropertyOptional(METADATA_DOC) @IsOptional() @IsObject() metadata?: Record<string, string | number | boolean>;
}

/** Everything but the key and the item type, which subscriptions and subjects rely on. */
export class UpdatePlanDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) @NotBlank() name?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PRICE }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PRICE) price?: number;
  @ApiPropertyOptional({ example: 'EUR' }) @IsOptional() @IsPlanCurrency() currency?: string;
  @ApiPropertyOptional({ enum: BILLING_CYCLES }) @IsOptional() @IsIn(BILLING_CYCLES) billingCycle?: BillingCycle;
  @ApiPropertyOptional({ description: 'false: no longer sold; those on it keep it' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minimum: -10_000, maximum: 10_000 }) @IsOptional() @IsInt() @Min(-10_000) @Max(10_000) sortOrder?: number;
  @ApiPropertyOptional(METADATA_DOC) @IsOptional() @IsObject() metadata?: Record<string, string | number | boolean>;
}

export class SetFeatureValueDto {
  @ApiProperty(FEATURE_VALUE_DOC) @IsFeatureValue() value: FeatureValue;
}
