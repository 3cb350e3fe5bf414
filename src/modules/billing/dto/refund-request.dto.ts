import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsMongoId, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { REFUND_REASONS, REFUND_REQUEST_STATUSES, type RefundReason, type RefundRequestStatus } from '../refund-request.lifecycle.js';
import { AMOUNT_CEILING } from './transaction.dto.js';

export class CreateRefundRequestDto {
  @ApiProperty({ description: 'The payment to refund (one of mine)' }) @IsMongoId() transactionId: string;
  @ApiPropertyOptional({ description: 'Minor units; defaults to what is not yet refunded', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(AMOUNT_CEILING)
  amount?: number;
  @ApiProperty({ enum: REFUND_REASONS }) @IsIn(REFUND_REASONS) reason: RefundReason;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReviewRefundRequestDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RefundRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REFUND_REQUEST_STATUSES }) @IsOptional() @IsIn(REFUND_REQUEST_STATUSES) status?: RefundRequestStatus;
}

export class RefundRequestDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() transactionId: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: REFUND_REASONS }) reason: RefundReason;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ enum: REFUND_REQUEST_STATUSES }) status: RefundRequestStatus;
  @ApiPropertyOptional() reviewedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) reviewedAt?: string;
  @ApiPropertyOptional() reviewNote?: string;
  @ApiPropertyOptional() refundTransactionId?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
