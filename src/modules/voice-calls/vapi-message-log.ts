import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { onModel, traceDriverCall } from '../../core/database/operation-tracing.js';
import { VapiMessage, type VapiMessageOutcome } from './schemas/vapi-message.schema.js';
import { vapiCallIdOf, withoutSecrets, type VapiServerMessage } from './vapi-messages.js';

/** Bodies up to this many bytes are kept whole; a larger one keeps its type only. */
const KEPT_BODY_BYTES = 16_000;

export type StoredMessage = { duplicate: false } | { duplicate: true; outcome: VapiMessageOutcome };

/**
 * `voice_vapi_messages`, one row per body digest. Every server message passes here twice (stored, then its
 * outcome), so both writes go through the driver with our own timestamps: every field is ours and already
 * bounded by the parser (type ≤ 60, call id ≤ 100, the body by size), which leaves Mongoose's casting and
 * timestamps plugin nothing to check.
 */
@Injectable()
export class VapiMessageLog {
  constructor(@InjectModel(VapiMessage.name) private readonly messages: Model<VapiMessage>) {}

  /** Stores a first delivery; a later one of a finished message is a duplicate, of a failed one is applied again. */
  async store(digest: string, message: VapiServerMessage, rawBytes: number): Promise<StoredMessage> {
    const now = new Date();
    const row = {
      digest,
      type: message.type,
      vapiCallId: vapiCallIdOf(message),
      outcome: 'received' satisfies VapiMessageOutcome,
      deliveries: 1,
      body: rawBytes <= KEPT_BODY_BYTES ? withoutSecrets(message) : { type: message.type, truncated: true },
      createdAt: now,
      updatedAt: now,
      __v: 0,
    };
    try {
      await traceDriverCall(onModel(this.messages, 'insertOne'), () => this.messages.collection.insertOne(row, { ignoreUndefined: true }));
      return { duplicate: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const previous = await this.messages
      .findOneAndUpdate({ digest }, { $inc: { deliveries: 1 } }, { returnDocument: 'after', projection: { outcome: 1 } })
      .lean<VapiMessage>();
    if (previous && (previous.outcome === 'processed' || previous.outcome === 'ignored'))
      return { duplicate: true, outcome: previous.outcome };
    return { duplicate: false };
  }

  /** Records how applying the message went, and whose call it was. */
  async finish(
    digest: string,
    outcome: VapiMessageOutcome,
    detail?: string,
    call?: { _id: Types.ObjectId; tenantId: Types.ObjectId },
  ): Promise<void> {
    const set = {
      outcome,
      updatedAt: new Date(),
      ...(detail ? { detail } : {}),
      ...(call ? { tenantId: call.tenantId, callId: call._id } : {}),
    };
    await traceDriverCall(onModel(this.messages, 'updateOne'), () => this.messages.collection.updateOne({ digest }, { $set: set }));
  }
}
