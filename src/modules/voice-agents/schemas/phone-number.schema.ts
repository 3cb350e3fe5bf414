import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { PHONE_NUMBER_STATUSES, type PhoneNumberStatus } from '../phone-number.lifecycle.js';
import { NUMBER_PROVIDERS, type NumberProvider } from '../voice-agents.constants.js';

@Schema({ _id: false })
export class PhoneCapabilities {
  @Prop({ default: true }) voice: boolean;
  @Prop({ default: false }) sms: boolean;
}

/** A number a tenant rents from a carrier; it rings the tenant's default agent for it. */
@Schema({ collection: 'phone_numbers', timestamps: true })
export class PhoneNumber {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  /** E.164, the one spelling every context matches on. */
  @Prop({ required: true, maxlength: 16 }) e164: string;
  @Prop({ type: String, required: true, enum: NUMBER_PROVIDERS }) provider: NumberProvider;
  @Prop({ maxlength: 128 }) providerNumberId?: string;
  @Prop({ maxlength: 100 }) label?: string;
  @Prop({ type: PhoneCapabilities, default: () => ({ voice: true, sms: false }) }) capabilities: PhoneCapabilities;
  @Prop({ type: String, required: true, enum: PHONE_NUMBER_STATUSES, default: 'active' }) status: PhoneNumberStatus;
  @Prop({ type: SchemaTypes.ObjectId }) defaultAgentId?: Types.ObjectId;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<PhoneNumberStatus>[];
  @Prop({ type: SchemaTypes.ObjectId }) createdBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type PhoneNumberDocument = HydratedDocument<PhoneNumber>;
export const PhoneNumberSchema = SchemaFactory.createForClass(PhoneNumber);
PhoneNumberSchema.plugin(tenantScopedPlugin);

// POST /api/tenants/:tenantId/phone-numbers and PhoneResolver.resolve: a number belongs to one tenant in the whole system.
PhoneNumberSchema.index({ e164: 1 }, { unique: true });
// GET /api/tenants/:tenantId/phone-numbers (?status=): newest first.
PhoneNumberSchema.index({ tenantId: 1, status: 1, createdAt: -1, _id: -1 });
// GET /api/tenants/:tenantId/phone-numbers: newest first, any status.
PhoneNumberSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// DELETE /api/tenants/:tenantId/voice-agents/:agentId: the numbers defaulting to an agent.
PhoneNumberSchema.index({ tenantId: 1, defaultAgentId: 1 });
