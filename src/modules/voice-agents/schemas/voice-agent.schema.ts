import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { AGENT_STATUSES, type AgentStatus } from '../voice-agent.lifecycle.js';
import { MAX_FIRST_MESSAGE, MAX_INSTRUCTIONS } from '../voice-agents.constants.js';

/** A configured caller: which voice it speaks with, which number it calls from, what it says. */
@Schema({ collection: 'voice_agents', timestamps: true })
export class VoiceAgent {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, maxlength: 100 }) name: string;
  /** A catalogue voice (`cat-…`) or the ObjectId hex of one of the tenant's voices. */
  @Prop({ maxlength: 64 }) voiceId?: string;
  @Prop({ type: SchemaTypes.ObjectId }) defaultNumberId?: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) createdBy: Types.ObjectId;
  @Prop({ maxlength: MAX_INSTRUCTIONS }) agentInstructions?: string;
  @Prop({ maxlength: MAX_INSTRUCTIONS }) systemInstructions?: string;
  @Prop({ maxlength: MAX_INSTRUCTIONS }) outboundPrompt?: string;
  @Prop({ maxlength: MAX_INSTRUCTIONS }) inboundPrompt?: string;
  @Prop({ maxlength: MAX_FIRST_MESSAGE }) firstMessage?: string;
  @Prop({ type: String, required: true, enum: AGENT_STATUSES, default: 'draft' }) status: AgentStatus;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<AgentStatus>[];
  createdAt: Date;
  updatedAt: Date;
}

export type VoiceAgentDocument = HydratedDocument<VoiceAgent>;
export const VoiceAgentSchema = SchemaFactory.createForClass(VoiceAgent);
VoiceAgentSchema.plugin(tenantScopedPlugin);

// GET /api/tenants/:tenantId/voice-agents?status=: newest first.
VoiceAgentSchema.index({ tenantId: 1, status: 1, createdAt: -1, _id: -1 });
// GET /api/tenants/:tenantId/voice-agents: newest first, any status.
VoiceAgentSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// DELETE /api/tenants/:tenantId/voices/:voiceId: the agents speaking with a voice.
VoiceAgentSchema.index({ tenantId: 1, voiceId: 1 });
// DELETE /api/tenants/:tenantId/phone-numbers/:numberId: the agents calling from a number.
VoiceAgentSchema.index({ tenantId: 1, defaultNumberId: 1 });
