import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { VapiMessageLog } from './vapi-message-log.js';
import { ACROSS_TENANTS } from '../../core/database/tenant-scoped.js';
import { ProblemException } from '../../core/http/problem.js';
import type { TransitionOrigin } from '../../core/lifecycle/index.js';
import { CallProgress, type ProgressOutcome } from './call-progress.js';
import { isFinalCall } from './call.lifecycle.js';
import { MAX_SEGMENTS, VoiceCall } from './schemas/voice-call.schema.js';
import type { VapiMessageOutcome } from './schemas/vapi-message.schema.js';
import { sameSecret, validVapiSignature } from './vapi-signature.js';
import {
  endingOf,
  liveStatusOf,
  ourCallIdOf,
  parseServerMessage,
  segmentOf,
  vapiCallIdOf,
  type VapiServerMessage,
} from './vapi-messages.js';
import { VoiceCallsConfig } from './voice-calls.config.js';

export interface VapiAck {
  received: true;
  duplicate: boolean;
  outcome: VapiMessageOutcome;
}

export interface VapiHeaders {
  secret?: string;
  timestamp?: string;
  signature?: string;
}

const unauthenticated = () =>
  new ProblemException(
    HttpStatus.UNAUTHORIZED,
    'vapi-unauthenticated',
    'Unauthenticated server message',
    'The message does not carry the configured secret or a valid signature.',
  );
const notAMessage = () =>
  new ProblemException(
    HttpStatus.BAD_REQUEST,
    'vapi-malformed',
    'Not a server message',
    'The body must be JSON of the shape { "message": { "type": … } }.',
  );

/**
 * Vapi's server messages: authenticated first (nothing is stored otherwise), stored once by the digest of the raw
 * body, then applied through the call lifecycle, which ignores whatever is late or repeated. A failure while
 * applying answers 500 and leaves the message `failed`, so the redelivery applies it again.
 */
@Injectable()
export class VapiWebhookService {
  private readonly logger = new Logger(VapiWebhookService.name);

  constructor(
    private readonly config: VoiceCallsConfig,
    private readonly log: VapiMessageLog,
    @InjectModel(VoiceCall.name) private readonly calls: Model<VoiceCall>,
    private readonly progress: CallProgress,
  ) {}

  async receive(raw: Buffer | undefined, headers: VapiHeaders): Promise<VapiAck> {
    this.authenticate(raw, headers);
    let body: unknown;
    try {
      body = JSON.parse(raw!.toString('utf8'));
    } catch {
      throw notAMessage();
    }
    const message = parseServerMessage(body);
    if (!message) throw notAMessage();
    const digest = createHash('sha256').update(raw!).digest('hex');
    const stored = await this.log.store(digest, message, raw!.length);
    if (stored.duplicate) return { received: true, duplicate: true, outcome: stored.outcome };
    let outcome: VapiMessageOutcome;
    try {
      outcome = await this.apply(message, digest);
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await this.log.finish(digest, 'failed', detail).catch(() => undefined);
      this.logger.warn(`Vapi ${message.type} message failed, kept for redelivery: ${detail}`);
      throw error;
    }
    return { received: true, duplicate: false, outcome };
  }

  private authenticate(raw: Buffer | undefined, headers: VapiHeaders): void {
    if (!raw || !sameSecret(headers.secret, this.config.VAPI_WEBHOOK_SECRET)) throw unauthenticated();
    const hmac = this.config.VAPI_WEBHOOK_HMAC;
    if (
      hmac &&
      !validVapiSignature({
        secret: hmac,
        body: raw,
        timestamp: headers.timestamp,
        signature: headers.signature,
        toleranceSeconds: this.config.VAPI_WEBHOOK_TOLERANCE_SECONDS,
      })
    )
      throw unauthenticated();
  }

  private async apply(message: VapiServerMessage, digest: string): Promise<VapiMessageOutcome> {
    const call = await this.callOf(message);
    if (!call) return this.finished(digest, 'ignored', 'no call of ours has this id');
    const origin: TransitionOrigin = { trigger: 'system', source: 'vapi', eventId: digest.slice(0, 32), reason: message.type };
    let result: ProgressOutcome = 'ignored';
    switch (message.type) {
      case 'status-update': {
        const to = liveStatusOf(message.status);
        if (to) result = await this.progress.advance(call, to, origin, to === 'in_progress' ? { startedAt: new Date() } : {});
        else if (message.status === 'ended' && typeof message.endedReason === 'string' && !call.endedReason)
          await this.calls.updateOne(
            { _id: call._id, tenantId: call.tenantId },
            { $set: { endedReason: message.endedReason.slice(0, 200) } },
          );
        break;
      }
      case 'transcript':
        result = await this.transcript(call, message);
        break;
      case 'end-of-call-report': {
        const { status, ending } = endingOf(message);
        result = await this.progress.end(call, status, origin, ending);
        if (call.reported) result = 'ignored';
        break;
      }
      default:
        break;
    }
    return this.finished(digest, result === 'moved' ? 'processed' : 'ignored', undefined, call);
  }

  /** A live transcript line, while the call is in flight and the report (whose artifact replaces them) has not come. */
  private async transcript(call: VoiceCall, message: VapiServerMessage): Promise<ProgressOutcome> {
    const segment = segmentOf(message);
    if (!segment || call.reported || isFinalCall(call.status)) return 'ignored';
    const result = await this.calls.updateOne(
      { _id: call._id, tenantId: call.tenantId, reported: false, [`transcription.${MAX_SEGMENTS - 1}`]: { $exists: false } },
      { $push: { transcription: segment } },
    );
    return result.modifiedCount > 0 ? 'moved' : 'ignored';
  }

  private async callOf(message: VapiServerMessage): Promise<VoiceCall | null> {
    const vapiId = vapiCallIdOf(message);
    const byVapi = vapiId ? await this.calls.findOne({ vapiCallId: vapiId }).setOptions(ACROSS_TENANTS).lean<VoiceCall>() : null;
    if (byVapi) return byVapi;
    const ours = ourCallIdOf(message);
    // The provider echoes the id we placed the call with; it names no tenant, and the secret vouched for the sender.
    return ours ? this.calls.findById(new Types.ObjectId(ours)).setOptions(ACROSS_TENANTS).lean<VoiceCall>() : null;
  }

  private async finished(digest: string, outcome: VapiMessageOutcome, detail?: string, call?: VoiceCall): Promise<VapiMessageOutcome> {
    await this.log.finish(digest, outcome, detail, call);
    return outcome;
  }
}
