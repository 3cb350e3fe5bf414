import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { HttpsUrl, MAX_URL_LENGTH } from '../../../core/net/index.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../tenant-webhooks.events.js';
import { MAX_DESCRIPTION_CHARS } from '../schemas/webhook-endpoint.schema.js';

export class WebhookEndpointDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiPropertyOptional() description?: string;
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ description: 'Set when the server disabled the endpoint: `failing` after too many failed deliveries in a row' })
  disabledReason?: string;
  @ApiProperty({ description: 'The signing secret’s last four characters' }) secretHint: string;
  @ApiProperty({ description: 'Deliveries that failed for good in a row' }) consecutiveFailures: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** The answer of create and rotate-secret: the only times the secret is shown. */
export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  @ApiProperty({ description: 'The signing secret (`whsec_…`). Shown once: store it now.', example: 'whsec_3q2-7w…' })
  secret: string;
}

export class CreateWebhookEndpointDto {
  @ApiProperty({ format: 'uri', maxLength: MAX_URL_LENGTH, description: 'A public https URL', example: 'https://hooks.example.com/atrium' })
  @HttpsUrl()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION_CHARS })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_CHARS)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ format: 'uri', maxLength: MAX_URL_LENGTH, description: 'A public https URL' })
  @IsOptional()
  @HttpsUrl()
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION_CHARS })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_CHARS)
  description?: string;

  @ApiPropertyOptional({ description: 'Enabling again clears a server-side disable and its failure count' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
