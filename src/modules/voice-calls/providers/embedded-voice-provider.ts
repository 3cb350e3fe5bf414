import { Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { signVapiBody } from '../vapi-signature.js';
import type { OutboundCallRequest, PlacedProviderCall, VoiceProvider } from './voice-provider.port.js';
import { simulatedCost, simulatedOutcome, simulatedTranscript } from './simulated-call.js';

export const VAPI_WEBHOOK_PATH = '/api/voice/webhooks/vapi';
const MAX_CAPTURED = 500;
const REDELIVERIES = 3;

export interface DeliveredMessage {
  body: string;
  status: number;
}

/**
 * The offline Vapi: answers with an id, then plays the call as Vapi would, posting its server messages
 * (status-update, transcript, end-of-call-report) to this application's own webhook through the full HTTP stack
 * (with the configured secret, and signature when an HMAC secret is set), one every `stepMs`. A 5xx answer is
 * delivered again, as a sender retrying would. The outcome and the numbers follow from the customer number.
 */
export class EmbeddedVoiceProvider implements VoiceProvider {
  readonly name = 'embedded';
  private readonly logger = new Logger(EmbeddedVoiceProvider.name);
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  /** The messages delivered so far, newest last (tests replay them). */
  readonly delivered: DeliveredMessage[] = [];

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly secret: string,
    private readonly hmacSecret: string | undefined,
    private readonly stepMs: number,
  ) {}

  placeCall(request: OutboundCallRequest): Promise<PlacedProviderCall> {
    const providerCallId = `sim-${randomUUID()}`;
    const script = this.play(providerCallId, request).finally(() => this.running.delete(script));
    this.running.add(script);
    return Promise.resolve({ providerCallId });
  }

  /** Resolves once every simulated call so far has delivered its last message. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private async play(id: string, request: OutboundCallRequest): Promise<void> {
    const outcome = simulatedOutcome(request.customer.number);
    const call = {
      id,
      type: 'outboundPhoneCall',
      customer: { number: request.customer.number },
      phoneNumber: { number: request.phoneNumber.e164 },
      assistant: { name: request.assistant.name, metadata: { callId: request.callId, tenantId: request.tenantId } },
    };
    const startedAt = new Date();
    await this.send({ type: 'status-update', status: 'ringing', call });
    const transcript = outcome.answered ? simulatedTranscript(outcome.durationSeconds) : [];
    if (outcome.answered) {
      await this.send({ type: 'status-update', status: 'in-progress', call });
      for (const line of transcript)
        await this.send({ type: 'transcript', role: line.role, transcriptType: 'final', transcript: line.message, call });
    }
    await this.send({ type: 'status-update', status: 'ended', endedReason: outcome.endedReason, call });
    const { cost, costBreakdown } = simulatedCost(outcome.durationSeconds);
    const endedAt = new Date(startedAt.getTime() + outcome.durationSeconds * 1000);
    await this.send({
      type: 'end-of-call-report',
      endedReason: outcome.endedReason,
      call,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: outcome.durationSeconds,
      cost,
      costBreakdown: { ...costBreakdown, total: cost },
      summary: outcome.answered ? 'The customer agreed to receive an offer by email.' : undefined,
      recordingUrl: outcome.answered ? `https://recordings.vapi.local/${id}.wav` : undefined,
      artifact: {
        messages: transcript,
        transcript: transcript.map((line) => `${line.role === 'assistant' ? 'AI' : 'User'}: ${line.message}`).join('\n'),
      },
    });
  }

  private async send(message: Record<string, unknown>): Promise<void> {
    if (this.stepMs > 0) await new Promise((resolve) => setTimeout(resolve, this.stepMs));
    for (let attempt = 0; attempt < REDELIVERIES && !this.stopped; attempt++) {
      const body = JSON.stringify({ message: { timestamp: Date.now(), ...message } });
      const status = await this.post(body).catch((error: unknown) => {
        this.logger.warn(`simulated message not delivered: ${String(error)}`);
        return 599;
      });
      if (this.delivered.length >= MAX_CAPTURED) this.delivered.shift();
      this.delivered.push({ body, status });
      if (status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, this.stepMs)));
    }
  }

  private async post(body: string): Promise<number> {
    const fastify = this.http.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || this.stopped) return 599;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-vapi-secret': this.secret };
    if (this.hmacSecret) Object.assign(headers, signVapiBody(this.hmacSecret, body));
    const response = await fastify.inject({ method: 'POST', url: VAPI_WEBHOOK_PATH, headers, payload: body });
    return response.statusCode;
  }
}
