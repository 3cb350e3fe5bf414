import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';

export const BILLING_CYCLES = ['month', 'year'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];
/** A plan subscribes a tenant or a user to a set of features; an agent item subscribes to one AI agent. */
export const PLAN_ITEM_TYPES = ['plan', 'agent'] as const;
export type PlanItemType = (typeof PLAN_ITEM_TYPES)[number];

/** A plan of the catalogue, with its list price; what it includes is in `planfeatures`. */
@Schema({ collection: 'plans', timestamps: true })
export class Plan {
  _id: Types.ObjectId;
  /** Stable: subscriptions, tenants and users name their plan by it, so it never changes. */
  @Prop({ required: true, maxlength: 50 }) key: string;
  @Prop({ required: true, maxlength: 100 }) name: string;
  @Prop({ maxlength: 500 }) description?: string;
  /** Integer minor units of `currency`, per billing cycle. */
  @Prop({ required: true, min: 0 }) price: number;
  @Prop({ required: true, uppercase: true, maxlength: 3 }) currency: string;
  @Prop({ type: String, enum: BILLING_CYCLES, required: true }) billingCycle: BillingCycle;
  @Prop({ type: String, enum: PLAN_ITEM_TYPES, default: 'plan' }) itemType: PlanItemType;
  /** An inactive plan is no longer sold; those already on it keep it. */
  @Prop({ default: true }) active: boolean;
  @Prop({ default: 0 }) sortOrder: number;
  /** Bounded by the API: up to 20 keys of up to 40 characters, values of up to 500. */
  @Prop({ type: SchemaTypes.Mixed, default: () => ({}) }) metadata: Record<string, string | number | boolean>;
  createdAt: Date;
  updatedAt: Date;
}

export const PlanSchema = SchemaFactory.createForClass(Plan);
PlanSchema.set('minimize', false);

// GET /api/plans/:planKey, the boot defaults' upserts and billing's plan lookups: one plan per key.
PlanSchema.index({ key: 1 }, { unique: true });
