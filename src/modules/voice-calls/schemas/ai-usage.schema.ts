import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import type { CostBreakdown } from './voice-call.schema.js';

/** What one ended call used: written once (unique callId), summed per month for the usage report and the minutes counter. */
@Schema({ collection: 'ai_usage', timestamps: { createdAt: true, updatedAt: false } })
export class AiUsage {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) callId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) agentId?: Types.ObjectId;
  /** UTC calendar month the call ended in, 'YYYY-MM'. */
  @Prop({ required: true, match: /^\d{4}-\d{2}$/ }) month: string;
  @Prop({ required: true, min: 0 }) seconds: number;
  /** Minutes billed: the seconds rounded up to a whole minute. */
  @Prop({ required: true, min: 0 }) minutes: number;
  @Prop({ required: true, min: 0 }) costMinor: number;
  @Prop({ maxlength: 3, default: 'USD' }) currency: string;
  @Prop({ type: Object, required: true }) breakdown: CostBreakdown;
  createdAt: Date;
}

export const AiUsageSchema = SchemaFactory.createForClass(AiUsage);
AiUsageSchema.plugin(tenantScopedPlugin);

// AiUsageLedger.record: one line per call, however often its report arrives.
AiUsageSchema.index({ callId: 1 }, { unique: true });
// GET /api/tenants/:tenantId/usage/voice and the monthly minutes sum: a tenant's months.
AiUsageSchema.index({ tenantId: 1, month: 1 });
