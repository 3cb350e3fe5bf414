import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { VOICE_GENDERS, VOICE_PROVIDERS, type VoiceGender, type VoiceProvider } from '../voice-agents.constants.js';

/** A voice a tenant brings itself (a cloned or licensed voice at its provider); the shared catalogue lives in code. */
@Schema({ collection: 'voices', timestamps: true })
export class Voice {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: String, required: true, enum: VOICE_PROVIDERS }) provider: VoiceProvider;
  @Prop({ required: true, maxlength: 128 }) providerVoiceId: string;
  @Prop({ required: true, maxlength: 100 }) name: string;
  @Prop({ maxlength: 35 }) language?: string;
  @Prop({ maxlength: 50 }) accent?: string;
  @Prop({ type: String, enum: VOICE_GENDERS }) gender?: VoiceGender;
  @Prop({ maxlength: 2048 }) previewUrl?: string;
  @Prop({ type: SchemaTypes.ObjectId }) createdBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type VoiceDocument = HydratedDocument<Voice>;
export const VoiceSchema = SchemaFactory.createForClass(Voice);
VoiceSchema.plugin(tenantScopedPlugin);

// POST /api/tenants/:tenantId/voices: one entry per provider voice in a tenant.
VoiceSchema.index({ tenantId: 1, provider: 1, providerVoiceId: 1 }, { unique: true });
// GET /api/tenants/:tenantId/voices: by name.
VoiceSchema.index({ tenantId: 1, name: 1, _id: 1 });
