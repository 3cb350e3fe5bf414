import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { carryEffects, type EffectCarrier, type OwedEffect } from '../../../core/events/owed-effect.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { EXPERIMENT_STATUSES, type ExperimentStatus } from '../experiment.lifecycle.js';
import { EXPERIMENT_TYPES, type ExperimentType } from '../experiment-types.js';

/** Why a run failed, as the client reported it. */
export interface ExperimentError {
  code?: string;
  message: string;
}

/** One run of a lab tool: what went in, what came out (inline or by reference), its status and cost. */
@Schema({ collection: 'labexperiments', timestamps: true })
export class LabExperiment implements EffectCarrier {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) experimentId: string;
  @Prop({ type: String, required: true, enum: EXPERIMENT_TYPES }) experimentType: ExperimentType;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  /** Bounded to MAX_INPUT_BYTES serialized by the request's validation. */
  @Prop({ type: Object }) input?: Record<string, unknown>;
  /** Bounded to MAX_OUTPUT_BYTES serialized; larger results are kept elsewhere and named by outputRef. */
  @Prop({ type: Object }) output?: Record<string, unknown>;
  @Prop({ maxlength: 512 }) outputRef?: string;
  @Prop({ type: String, enum: EXPERIMENT_STATUSES, required: true }) status: ExperimentStatus;
  /** Milliseconds the run took (or has taken so far). */
  @Prop({ min: 0 }) processingTime?: number;
  @Prop({ min: 0 }) tokensUsed?: number;
  @Prop({ type: { code: { type: String, maxlength: 100 }, message: { type: String, maxlength: 2000 } }, _id: false })
  error?: ExperimentError;
  /** The owner asked to be notified when a long run finishes. */
  @Prop({ default: false }) notify: boolean;
  @Prop() finishedAt?: Date;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<ExperimentStatus>[];
  /** Added by carryEffects: the notices this run owes. */
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export const LabExperimentSchema = SchemaFactory.createForClass(LabExperiment);
carryEffects(LabExperimentSchema);

// POST /api/analytics/track/lab and GET /api/lab/experiments/{experimentId}: one run per id.
LabExperimentSchema.index({ experimentId: 1 }, { unique: true });
// GET /api/lab/experiments: the caller's history, newest first (also the stats' match on one user).
LabExperimentSchema.index({ userId: 1, createdAt: -1, _id: -1 });
// GET /api/lab/experiments?type=: one tool's runs.
LabExperimentSchema.index({ userId: 1, experimentType: 1, createdAt: -1 });
// GET /api/lab/experiments?status=: runs in one status.
LabExperimentSchema.index({ userId: 1, status: 1, createdAt: -1 });
// GET /api/lab/experiments/stats without a user (staff): every run by type and status.
LabExperimentSchema.index({ experimentType: 1, status: 1 });
