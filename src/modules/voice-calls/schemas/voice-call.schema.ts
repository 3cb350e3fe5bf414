import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { carryEffects, type OwedEffect } from '../../../core/events/owed-effect.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { CALL_STATUSES, type CallStatus } from '../voice-calls.events.js';

export const CALL_DIRECTIONS = ['outbound', 'inbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
export const SPEAKERS = ['agent', 'customer', 'system'] as const;
export type Speaker = (typeof SPEAKERS)[number];

/** Segments kept per call; a longer conversation keeps its first ones (the report says how many were dropped). */
export const MAX_SEGMENTS = 500;
export const MAX_SEGMENT_CHARS = 2000;
/** Raw provider data kept per call, in characters of JSON. */
export const MAX_VAPI_DATA_CHARS = 32_000;

export interface TranscriptSegment {
  speaker: Speaker;
  text: string;
  startSeconds: number;
  endSeconds: number;
}

/** What a call cost, in minor units of `currency`, split the way the provider bills it. */
export interface CostBreakdown {
  transport: number;
  stt: number;
  llm: number;
  tts: number;
  platform: number;
}

@Schema({ collection: 'voice_calls', timestamps: true })
export class VoiceCall {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) agentId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) leadId?: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) voiceId?: Types.ObjectId;
  @Prop({ maxlength: 20 }) fromNumber?: string;
  @Prop({ maxlength: 20 }) toNumber?: string;
  @Prop({ type: String, enum: CALL_DIRECTIONS, required: true }) direction: CallDirection;
  @Prop({ type: String, enum: CALL_STATUSES, required: true, default: 'queued' }) status: CallStatus;
  @Prop({ maxlength: 100 }) vapiCallId?: string;
  /** The provider's last full view of the call (end-of-call report), clipped to MAX_VAPI_DATA_CHARS. */
  @Prop({ type: Object }) vapiData?: Record<string, unknown>;
  @Prop({ type: [Object], default: [] }) transcription: TranscriptSegment[];
  @Prop({ default: 0 }) costMinor: number;
  @Prop({ maxlength: 3, default: 'USD' }) costCurrency: string;
  @Prop({ type: Object }) costBreakdown?: CostBreakdown;
  @Prop({ default: 0 }) durationSeconds: number;
  @Prop({ type: SchemaTypes.ObjectId }) batchId?: Types.ObjectId;
  @Prop({ default: 1 }) attempt: number;
  /**
   * `<batchId>:<leadId>:<attempt>` on a batch's calls only: one call per placement. A single sparse field
   * rather than a partial compound index, which the test stand-in would enforce on calls without a batch too.
   */
  @Prop() placementKey?: string;
  @Prop({ type: SchemaTypes.ObjectId }) placedBy?: Types.ObjectId;
  @Prop({ maxlength: 2000 }) recordingUrl?: string;
  @Prop({ maxlength: 5000 }) summary?: string;
  @Prop({ maxlength: 200 }) endedReason?: string;
  @Prop() startedAt?: Date;
  @Prop() endedAt?: Date;
  /** The end-of-call report was applied (its fields, and AI usage): a second report changes nothing. */
  @Prop({ default: false }) reported: boolean;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<CallStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type VoiceCallDocument = HydratedDocument<VoiceCall>;
export const VoiceCallSchema = SchemaFactory.createForClass(VoiceCall);
VoiceCallSchema.plugin(tenantScopedPlugin);
carryEffects(VoiceCallSchema);

// POST /api/voice/webhooks/vapi: a provider message finds its call by Vapi's id.
VoiceCallSchema.index({ vapiCallId: 1 }, { unique: true, sparse: true });
// GET /api/tenants/:tenantId/voice-calls: newest first, with status/agentId/direction filters narrowing it.
VoiceCallSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
VoiceCallSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
VoiceCallSchema.index({ tenantId: 1, agentId: 1, createdAt: -1 });
// GET /api/tenants/:tenantId/leads/:leadId/calls and ?leadId=: a lead's history.
VoiceCallSchema.index({ tenantId: 1, leadId: 1, createdAt: -1 });
// CallPlacer.place: one call per (batch, lead, attempt).
VoiceCallSchema.index({ placementKey: 1 }, { unique: true, sparse: true });
// GET ...?batchId=: a batch's calls.
VoiceCallSchema.index({ tenantId: 1, batchId: 1, createdAt: -1 }, { sparse: true });
// Stuck-call sweeper: live calls by age.
VoiceCallSchema.index({ status: 1, createdAt: 1 });
