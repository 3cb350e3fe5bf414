import { Controller, Headers, HttpCode, HttpStatus, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/access.decorators.js';
import { SignedPayload } from '../../core/http/input-shape.guard.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { VapiAckDto } from './dto/voice-call.dto.js';
import { VapiWebhookService, type VapiAck } from './vapi-webhook.service.js';

/** Vapi's server URL: status updates, transcripts and end-of-call reports of our calls. */
@ApiTags('webhooks')
@Controller('voice/webhooks')
@Public()
@RateLimit('none')
@SignedPayload()
export class VapiWebhookController {
  constructor(private readonly webhooks: VapiWebhookService) {}

  @Post('vapi')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Vapi server messages (secret header, optionally HMAC-signed); each message applied once, in any order' })
  @ApiHeader({ name: 'x-vapi-secret', required: true, description: 'VAPI_WEBHOOK_SECRET, compared in constant time' })
  @ApiHeader({
    name: 'x-vapi-timestamp',
    required: false,
    description: 'Unix seconds; required with x-vapi-signature when VAPI_WEBHOOK_HMAC is set',
  })
  @ApiHeader({
    name: 'x-vapi-signature',
    required: false,
    description: 'Hex HMAC-SHA256 of "<timestamp>.<raw body>" with VAPI_WEBHOOK_HMAC',
  })
  @ApiBody({ description: 'A Vapi server message: { message: { type, call, … } }', schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({ type: VapiAckDto })
  @ApiProblem(400, 'Not a server message; nothing was applied')
  @ApiProblem(401, 'Missing or wrong secret, or a missing, wrong or stale signature; nothing was stored')
  @ApiProblem(500, 'Applying the message failed; it is applied again when delivered again')
  vapi(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('x-vapi-secret') secret?: string,
    @Headers('x-vapi-timestamp') timestamp?: string,
    @Headers('x-vapi-signature') signature?: string,
  ): Promise<VapiAck> {
    return this.webhooks.receive(request.rawBody, { secret, timestamp, signature });
  }
}
