import { applyDecorators, Controller, Headers, HttpCode, HttpStatus, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/access.decorators.js';
import { SignedPayload } from '../../core/http/input-shape.guard.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { WEBHOOK_OUTCOMES, type WebhookOutcome } from './schemas/webhook-event.schema.js';
import { WebhooksService, type WebhookAck } from './webhooks.service.js';

class WebhookAckDto {
  @ApiProperty() received: true;
  @ApiProperty({ description: 'The event id was delivered before; nothing happened twice' }) duplicate: boolean;
  @ApiProperty({ enum: WEBHOOK_OUTCOMES }) outcome: WebhookOutcome;
}

const WebhookDocs = () =>
  applyDecorators(
    ApiHeader({
      name: 'Stripe-Signature',
      required: true,
      description: 'Verified by the payment adapter against the raw body with STRIPE_WEBHOOK_SECRET',
    }),
    ApiBody({ description: 'A Stripe event, as Stripe sends it', schema: { type: 'object', additionalProperties: true } }),
    ApiOkResponse({ type: WebhookAckDto }),
    ApiProblem(400, 'Missing, wrong or stale signature, or a payload without the shape of an event; nothing was recorded'),
    ApiProblem(409, 'Another delivery of this event is being processed; delivered again after Retry-After seconds, it is answered'),
    ApiProblem(500, 'Processing failed; the event is kept for Stripe to retry'),
  );

/** Stripe's webhook, at its own path and at seed 004's /api/payments/webhook; one handler. */
@ApiTags('webhooks')
@Controller()
@Public()
@RateLimit('none')
@SignedPayload()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('billing/webhooks/stripe')
  @HttpCode(HttpStatus.OK)
  @WebhookDocs()
  @ApiOperation({
    summary: 'Stripe webhook (signed); one delivery processes each event, duplicates are acknowledged without a second effect',
  })
  stripe(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string): Promise<WebhookAck> {
    return this.webhooks.receive(request.rawBody, signature);
  }

  @Post('payments/webhook')
  @HttpCode(HttpStatus.OK)
  @WebhookDocs()
  @ApiOperation({ summary: 'Payment provider webhook (seed 004’s path for the Stripe webhook)' })
  payments(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string): Promise<WebhookAck> {
    return this.webhooks.receive(request.rawBody, signature);
  }
}
