import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { METHOD_TYPES, type MethodType } from '../schemas/payment-method.schema.js';
import { PROVIDERS, type ProviderName } from '../schemas/transaction.schema.js';
import { BillingDetailsDto } from './transaction.dto.js';

export class CreatePaymentMethodDto {
  @ApiProperty({ description: 'The provider’s payment method id, created by its client SDK', example: 'pm_card_visa' })
  @IsString()
  @Matches(/^pm_[A-Za-z0-9_]{3,250}$/, { message: 'providerMethodId must be a provider payment method id (pm_…)' })
  providerMethodId: string;

  @ApiPropertyOptional({ enum: METHOD_TYPES, default: 'card' }) @IsOptional() @IsIn(METHOD_TYPES) type?: MethodType;
  @ApiPropertyOptional({ description: 'Display only, when the provider does not tell', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  brand?: string;
  @ApiPropertyOptional({ pattern: '^\\d{4}$' }) @IsOptional() @Matches(/^\d{4}$/) last4?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12) expMonth?: number;
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 }) @IsOptional() @IsInt() @Min(2000) @Max(2100) expYear?: number;

  @ApiPropertyOptional({ type: BillingDetailsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BillingDetailsDto)
  billingAddress?: BillingDetailsDto;

  @ApiPropertyOptional({ description: 'Make it the default (the first method always is)' }) @IsOptional() @IsBoolean() setDefault?: boolean;
}

export class PaymentMethodDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: PROVIDERS }) provider: ProviderName;
  @ApiProperty() providerMethodId: string;
  @ApiProperty({ enum: METHOD_TYPES }) type: MethodType;
  @ApiPropertyOptional() brand?: string;
  @ApiPropertyOptional() last4?: string;
  @ApiPropertyOptional() expMonth?: number;
  @ApiPropertyOptional() expYear?: number;
  @ApiPropertyOptional({ type: BillingDetailsDto }) billingAddress?: BillingDetailsDto;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
