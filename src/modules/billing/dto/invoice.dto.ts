import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVOICE_STATUSES, type InvoiceStatus } from '../schemas/invoice.schema.js';

export class InvoiceLineDto {
  @ApiProperty() description: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Minor units' }) unitAmount: number;
  @ApiProperty({ description: 'Minor units' }) amount: number;
}

export class InvoiceDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'INV-2026-000042' }) number: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: InvoiceStatus;
  @ApiProperty() currency: string;
  @ApiProperty({ type: InvoiceLineDto, isArray: true }) lines: InvoiceLineDto[];
  @ApiProperty() subtotal: number;
  @ApiProperty({ description: 'Basis points' }) taxRateBps: number;
  @ApiProperty() tax: number;
  @ApiProperty() total: number;
  @ApiProperty({ example: '€19.99' }) totalFormatted: string;
  @ApiProperty({ type: String, isArray: true }) transactionIds: string[];
  @ApiPropertyOptional({ format: 'date-time' }) issuedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) paidAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
