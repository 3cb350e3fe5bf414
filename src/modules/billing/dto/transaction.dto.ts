import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';

/** An amount in the query: `minAmount=` with nothing after it is refused (400), not read as 0. */
const amountQuery = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value !== '' ? Number(value) : value);
import {
  IsDateString,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsMongoId,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../payment.lifecycle.js';
import {
  CHANGE_SOURCES,
  PROVIDERS,
  TRANSACTION_TYPES,
  type ChangeSource,
  type ProviderName,
  type TransactionType,
} from '../schemas/transaction.schema.js';
import { IsCurrencyCode } from './money.validators.js';

/** The largest amount any request may carry; the configured BILLING_MAX_AMOUNT may be lower. */
export const AMOUNT_CEILING = 99_999_999_999;

export class BillingDetailsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ maxLength: 254 }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) line1?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) line2?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) postalCode?: string;
  @ApiPropertyOptional({ example: 'DE' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class CreatePaymentDto {
  @ApiProperty({ description: 'Integer in the currency’s minor unit (cents)', minimum: 1, example: 1999 })
  @IsInt()
  @Min(1)
  @Max(AMOUNT_CEILING)
  amount: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  @IsCurrencyCode()
  currency: string;

  @ApiPropertyOptional({ enum: ['purchase', 'subscription'], default: 'purchase' })
  @IsOptional()
  @IsIn(['purchase', 'subscription'])
  type?: 'purchase' | 'subscription';

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({
    type: 'object',
    maxProperties: 20,
    additionalProperties: { type: 'string', maxLength: 500 },
    description: 'Up to 20 string values of up to 500 characters, under keys of up to 40 characters',
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: BillingDetailsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BillingDetailsDto)
  billingDetails?: BillingDetailsDto;

  @ApiPropertyOptional({ description: 'Staff only: record the payment for this user' })
  @IsOptional()
  @IsMongoId()
  userId?: string;

  @ApiPropertyOptional({ description: 'The learning session this pays for; linked once the payment succeeds and matches its price' })
  @IsOptional()
  @IsMongoId()
  sessionId?: string;
}

export class ConfirmPaymentDto {
  @ApiPropertyOptional({ description: 'A stored payment method id, or a provider method id (pm_…)', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  paymentMethodId?: string;
}

export class RefundPaymentDto {
  @ApiPropertyOptional({ description: 'Minor units; defaults to everything not yet refunded', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(AMOUNT_CEILING)
  amount?: number;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class ChangePaymentStatusDto {
  @ApiProperty({ enum: PAYMENT_STATUSES }) @IsIn(PAYMENT_STATUSES) status: PaymentStatus;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class PaymentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES }) @IsOptional() @IsIn(PAYMENT_STATUSES) status?: PaymentStatus;
  @ApiPropertyOptional({ enum: TRANSACTION_TYPES }) @IsOptional() @IsIn(TRANSACTION_TYPES) type?: TransactionType;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Transform(amountQuery) @IsInt() @Min(0) @Max(AMOUNT_CEILING) minAmount?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Transform(amountQuery) @IsInt() @Min(0) @Max(AMOUNT_CEILING) maxAmount?: number;
}

export class StatusChangeDto {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES, nullable: true }) from?: PaymentStatus | null;
  @ApiProperty({ enum: PAYMENT_STATUSES }) to: PaymentStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: CHANGE_SOURCES }) source: ChangeSource;
  @ApiPropertyOptional() actorId?: string;
  @ApiPropertyOptional() eventId?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() ip?: string;
  @ApiPropertyOptional() userAgent?: string;
}

export class TransactionDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Same as id (the seeds’ name for it)' }) transactionId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: TRANSACTION_TYPES }) type: TransactionType;
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '€19.99', description: 'For display only' }) amountFormatted: string;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status: PaymentStatus;
  @ApiProperty() refundedAmount: number;
  @ApiProperty({ enum: PROVIDERS }) provider: ProviderName;
  @ApiPropertyOptional() stripePaymentIntentId?: string;
  @ApiPropertyOptional({ description: 'Hand to the client SDK to complete the payment' }) clientSecret?: string;
  @ApiPropertyOptional() refundOf?: string;
  @ApiPropertyOptional({ description: 'The learning session it pays for' }) sessionId?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) metadata?: Record<string, string>;
  @ApiPropertyOptional({ type: BillingDetailsDto }) billingDetails?: BillingDetailsDto;
  @ApiPropertyOptional() failureReason?: string;
  @ApiProperty({ type: StatusChangeDto, isArray: true }) audit: StatusChangeDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SummaryRowDto {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES }) status?: PaymentStatus;
  @ApiPropertyOptional({ example: '2026-11' }) month?: string;
  @ApiProperty() currency: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty({ description: 'Minor units refunded' }) refunded: number;
}

export class BillingSummaryDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: SummaryRowDto, isArray: true }) byStatus: SummaryRowDto[];
  @ApiProperty({ type: SummaryRowDto, isArray: true }) byCurrency: SummaryRowDto[];
  @ApiProperty({ type: SummaryRowDto, isArray: true }) byMonth: SummaryRowDto[];
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() to?: string;
}

export class PaymentStatisticsDto {
  @ApiProperty() payments: number;
  @ApiProperty() payers: number;
  @ApiProperty({ type: SummaryRowDto, isArray: true }) byStatus: SummaryRowDto[];
  @ApiProperty({ type: SummaryRowDto, isArray: true }) byCurrency: SummaryRowDto[];
}
