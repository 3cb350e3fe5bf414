import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { LEAD_STATUSES, type LeadStatus } from '../leads.events.js';

export const LEAD_SOURCES = ['manual', 'import', 'api', 'inbound', 'web'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const MAX_LEAD_TAGS = 20;
export const MAX_TAG_CHARS = 40;
export const MAX_NAME_CHARS = 200;
export const MAX_NOTES_CHARS = 5000;
export const MAX_EXTERNAL_ID_CHARS = 100;
/** Call ids remembered per lead to count each call once; redeliveries come within minutes, not 20 calls later. */
export const REMEMBERED_CALLS = 20;
/** Status changes kept per lead: the newest ones. */
export const MAX_LEAD_AUDIT = 50;

@Schema({ collection: 'leads', timestamps: true })
export class Lead {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: MAX_NAME_CHARS }) name: string;
  /** The name folded to lowercase, for the list's prefix search. */
  @Prop({ required: true, maxlength: MAX_NAME_CHARS }) nameKey: string;
  /** E.164, as normalizePhone answers it. */
  @Prop({ required: true, maxlength: 20 }) phone: string;
  @Prop({ maxlength: 2 }) phoneCountry?: string;
  @Prop({ maxlength: 254, lowercase: true }) email?: string;
  @Prop({ type: String, enum: LEAD_SOURCES, required: true, default: 'manual' }) source: LeadSource;
  @Prop({ type: String, enum: LEAD_STATUSES, required: true, default: 'new' }) status: LeadStatus;
  @Prop({ type: [String], default: [] }) tags: string[];
  /** IANA; from the number when the lead came without one. */
  @Prop({ required: true, maxlength: 64 }) timezone: string;
  @Prop({ maxlength: MAX_NOTES_CHARS }) notes?: string;
  /** The lead's id in the system it was imported from, when the file had one. */
  @Prop({ maxlength: MAX_EXTERNAL_ID_CHARS }) externalId?: string;
  @Prop() lastContactedAt?: Date;
  @Prop({ type: SchemaTypes.ObjectId }) lastCallId?: Types.ObjectId;
  @Prop({ maxlength: 20 }) lastCallStatus?: string;
  @Prop({ default: 0 }) callCount: number;
  /** The last REMEMBERED_CALLS call ids counted, so a redelivered call.completed counts once. */
  @Prop({ type: [String], default: [] }) countedCallIds: string[];
  @Prop({ type: SchemaTypes.ObjectId }) createdBy?: Types.ObjectId;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<LeadStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type LeadDocument = HydratedDocument<Lead>;
export const LeadSchema = SchemaFactory.createForClass(Lead);
LeadSchema.plugin(tenantScopedPlugin);
carryEffects(LeadSchema);

// POST /leads, POST /leads/import (upsert key), GET /leads/by-phone/:phone, LeadDirectory.byPhone, ?q= by number
// prefix: one lead per number in a tenant.
LeadSchema.index({ tenantId: 1, phone: 1 }, { unique: true });
// GET /api/tenants/:tenantId/leads: newest first, no filter.
LeadSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// GET /leads?status= and LeadDirectory.idsWhere({ statuses }): newest first within a status.
LeadSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
// GET /leads?tag= and LeadDirectory.idsWhere({ tags }): newest first within a tag (multikey).
LeadSchema.index({ tenantId: 1, tags: 1, createdAt: -1 });
// GET /leads?source=: newest first within a source.
LeadSchema.index({ tenantId: 1, source: 1, createdAt: -1 });
// GET /leads?q=: name prefix (anchored, case-folded).
LeadSchema.index({ tenantId: 1, nameKey: 1 });
