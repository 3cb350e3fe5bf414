import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { DELIVERY_EVENT_TYPES, type DeliveryEventType } from '../tenant-webhooks.events.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../schemas/webhook-delivery.schema.js';

export class WebhookDeliveryAttemptDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional({ description: 'The receiver’s HTTP status; absent when no answer came' }) statusCode?: number;
  @ApiPropertyOptional({ description: 'Why the attempt failed without an answer (refused, network error, timeout)' }) error?: string;
  @ApiProperty() durationMs: number;
  @ApiPropertyOptional({ description: 'The first 1 KiB of the receiver’s answer' }) responseExcerpt?: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ description: 'Also the envelope’s `id` and the `Atrium-Delivery` header' }) id: string;
  @ApiProperty() endpointId: string;
  @ApiProperty({ enum: DELIVERY_EVENT_TYPES }) eventType: DeliveryEventType;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty({ description: 'Attempts made, over every round' }) attemptCount: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'When a pending delivery is next tried' }) nextAttemptAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) deliveredAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) failedAt?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body sent: `{ id, type, createdAt, data }`' })
  payload: Record<string, unknown>;
  @ApiProperty({ type: [WebhookDeliveryAttemptDto], description: 'The newest 30 attempts, oldest first' })
  attempts: WebhookDeliveryAttemptDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookDeliveryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}
